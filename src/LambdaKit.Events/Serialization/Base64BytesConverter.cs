using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Serialization;

/// <summary>
/// Converts <see cref="ReadOnlyMemory{T}"/> of bytes to and from a base64 JSON string (Kinesis record data, for example).
/// </summary>
/// <remarks>
/// The bytes are decoded straight from the UTF-8 JSON with <see cref="Utf8JsonReader.GetBytesFromBase64"/>, without an
/// intermediate <see cref="string"/>, and written with <see cref="Utf8JsonWriter.WriteBase64StringValue"/>.
/// A JSON <c>null</c> reads as empty.
/// </remarks>
public sealed class Base64BytesConverter : JsonConverter<ReadOnlyMemory<byte>>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override ReadOnlyMemory<byte> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.Null => ReadOnlyMemory<byte>.Empty,
            JsonTokenType.String => reader.TryGetBytesFromBase64(out var bytes)
                ? bytes
                : throw new JsonException("The value is not valid base64."),
            _ => throw new JsonException($"Expected a base64 string but found {reader.TokenType}."),
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ReadOnlyMemory<byte> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBase64StringValue(value.Span);
    }
}

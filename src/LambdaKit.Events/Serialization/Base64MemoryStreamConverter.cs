using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Serialization;

/// <summary>
/// Converts a <see cref="MemoryStream"/> to and from a base64 JSON string, as <c>Amazon.Lambda.SQSEvents</c> types hold
/// binary message attributes. The stream read from JSON is positioned at 0 and exposes its buffer
/// (<see cref="MemoryStream.TryGetBuffer"/>); writing takes the whole content, whatever the stream's position.
/// A JSON <c>null</c> reads as <see langword="null"/>.
/// </summary>
public sealed class Base64MemoryStreamConverter : JsonConverter<MemoryStream>
{
    /// <inheritdoc />
    public override MemoryStream? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.TryGetBytesFromBase64(out var bytes)
                ? new MemoryStream(bytes, 0, bytes.Length, writable: true, publiclyVisible: true)
                : throw new JsonException("The value is not valid base64."),
            _ => throw new JsonException($"Expected a base64 string but found {reader.TokenType}."),
        };
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, MemoryStream value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteBase64StringValue(Bytes(value).Span);
    }

    /// <summary>The whole content of a stream, without a copy when its buffer is visible.</summary>
    internal static ReadOnlyMemory<byte> Bytes(MemoryStream stream)
        => stream.TryGetBuffer(out var buffer) ? buffer.AsMemory() : stream.ToArray();
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Serialization;

/// <summary>
/// Converts a list of <see cref="MemoryStream"/>s to and from a JSON array of base64 strings (SQS binary list attribute
/// values), each element as <see cref="Base64MemoryStreamConverter"/> does.
/// </summary>
public sealed class Base64MemoryStreamListConverter : JsonConverter<List<MemoryStream>>
{
    private static readonly Base64MemoryStreamConverter Element = new();

    /// <inheritdoc />
    public override List<MemoryStream>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of base64 strings but found {reader.TokenType}.");
        }

        var list = new List<MemoryStream>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(Element.Read(ref reader, typeof(MemoryStream), options) ?? new MemoryStream([], writable: false));
        }

        return list;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, List<MemoryStream> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var stream in value)
        {
            Element.Write(writer, stream, options);
        }

        writer.WriteEndArray();
    }
}

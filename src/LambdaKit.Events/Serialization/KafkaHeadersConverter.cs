using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Serialization;

/// <summary>
/// Converts Kafka record headers, a JSON array of one-entry objects whose values are arrays of byte values
/// (<c>[{"trace":[116,-36]}]</c>), to and from lists of maps from name to bytes.
/// </summary>
/// <remarks>
/// Lambda writes header bytes as Java's signed bytes (-128 to 127); values from 128 to 255 are read too. Bytes are written
/// back signed, as Lambda sends them.
/// </remarks>
public sealed class KafkaHeadersConverter : JsonConverter<List<Dictionary<string, byte[]>>>
{
    /// <inheritdoc />
    public override List<Dictionary<string, byte[]>>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray, "an array of headers");
        var headers = new List<Dictionary<string, byte[]>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject, "a header object");
            var header = new Dictionary<string, byte[]>(1, StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                header[name] = ReadBytes(ref reader, name);
            }

            headers.Add(header);
        }

        return headers;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, List<Dictionary<string, byte[]>> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var header in value)
        {
            writer.WriteStartObject();
            foreach (var (name, bytes) in header)
            {
                writer.WriteStartArray(name);
                foreach (var b in bytes)
                {
                    writer.WriteNumberValue((sbyte)b);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static byte[] ReadBytes(ref Utf8JsonReader reader, string name)
    {
        Expect(ref reader, JsonTokenType.StartArray, $"an array of byte values for header '{name}'");
        var bytes = new List<byte>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value) || value < sbyte.MinValue || value > byte.MaxValue)
            {
                throw new JsonException($"Header '{name}' holds a value that is not a byte (-128 to 255).");
            }

            bytes.Add(unchecked((byte)value));
        }

        return [.. bytes];
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {what} but found {reader.TokenType}.");
        }
    }
}

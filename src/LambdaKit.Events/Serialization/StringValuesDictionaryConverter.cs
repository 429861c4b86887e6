using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Serialization;

/// <summary>
/// Converts a map of strings to and from a JSON object whose values are strings or other scalars (Cognito sends
/// <c>"phone_number_verified": true</c> beside string attributes): a number or Boolean is read as its JSON text and, while
/// unchanged, written back as the number or Boolean it was.
/// </summary>
public sealed class StringValuesDictionaryConverter : JsonConverter<Dictionary<string, string>>
{
    /// <inheritdoc />
    public override Dictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object of attributes but found {reader.TokenType}.");
        }

        var map = new ScalarAwareDictionary();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    map[name] = reader.GetString()!;
                    break;
                case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                    var text = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
                    map[name] = text;
                    map.Scalars[name] = text;
                    break;
                default:
                    throw new JsonException($"Expected a string, number or Boolean for attribute '{name}' but found {reader.TokenType}.");
            }
        }

        return map;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var scalars = (value as ScalarAwareDictionary)?.Scalars;
        writer.WriteStartObject();
        foreach (var (name, text) in value)
        {
            writer.WritePropertyName(name);
            if (scalars is not null && scalars.TryGetValue(name, out var raw) && raw == text)
            {
                writer.WriteRawValue(raw);
            }
            else
            {
                writer.WriteStringValue(text);
            }
        }

        writer.WriteEndObject();
    }

    private sealed class ScalarAwareDictionary : Dictionary<string, string>
    {
        public Dictionary<string, string> Scalars { get; } = new(StringComparer.Ordinal);
    }
}

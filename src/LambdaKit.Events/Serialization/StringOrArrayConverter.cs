using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Serialization;

/// <summary>
/// Converts a list of strings to and from JSON that is either one string or an array of strings, as IAM policies write
/// <c>Action</c> and <c>Resource</c>; a list read from a single string is written back as a single string, any other
/// list as an array.
/// </summary>
public sealed class StringOrArrayConverter : JsonConverter<IList<string>>
{
    /// <summary>Creates a list that is written as a single JSON string (not an array).</summary>
    /// <param name="value">The one value.</param>
    /// <returns>The list.</returns>
    public static IList<string> OneString(string value) => new SingleStringList { value };

    /// <inheritdoc />
    public override IList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new SingleStringList { reader.GetString()! };
            case JsonTokenType.StartArray:
                var list = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"Expected a string in the array but found {reader.TokenType}."));
                }

                return list;
            default:
                throw new JsonException($"Expected a string or an array of strings but found {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value is SingleStringList && value.Count == 1)
        {
            writer.WriteStringValue(value[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private sealed class SingleStringList : List<string>;
}

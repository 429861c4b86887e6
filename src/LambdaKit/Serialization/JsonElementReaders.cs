using System.Text.Json;

namespace LambdaKit.Serialization;

/// <summary>
/// Reads a property of a <see cref="JsonElement"/> as a string or a string map, without reflection and without failing on
/// an unexpected shape (the client context and Cognito identity headers are parsed with them).
/// </summary>
internal static class JsonElementReaders
{
    public static string? GetString(JsonElement element, string name)
        => element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        } : null;

    public static Dictionary<string, string> GetStringMap(JsonElement element, string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString() ?? string.Empty
                    : property.Value.GetRawText();
            }
        }

        return map;
    }
}

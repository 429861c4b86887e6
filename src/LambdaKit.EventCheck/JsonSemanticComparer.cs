using System.Text;
using System.Text.Json;

namespace LambdaKit.EventCheck;

/// <summary>
/// Compares two JSON documents semantically: the same members with the same values, whatever the member order and
/// whitespace; strings compared after unescaping; numbers compared by value (<c>1.50</c> equals <c>1.5</c>); arrays in order.
/// A member whose value is <c>null</c> is equivalent to an absent member (a typed model writes no member for a null value,
/// and no information is lost); any other member present on one side only is a difference.
/// </summary>
internal static class JsonSemanticComparer
{
    /// <summary>Returns a description of the first difference, starting with its JSON path, or <see langword="null"/> when the documents are equivalent.</summary>
    public static string? FindFirstDifference(ReadOnlySpan<byte> expectedUtf8, ReadOnlySpan<byte> actualUtf8)
    {
        using var expected = JsonDocument.Parse(expectedUtf8.ToArray());
        using var actual = JsonDocument.Parse(actualUtf8.ToArray());
        return FindFirstDifference(expected.RootElement, actual.RootElement);
    }

    /// <summary>Returns a description of the first difference, starting with its JSON path, or <see langword="null"/> when the documents are equivalent.</summary>
    public static string? FindFirstDifference(string expectedJson, string actualJson) =>
        FindFirstDifference(Encoding.UTF8.GetBytes(expectedJson), Encoding.UTF8.GetBytes(actualJson));

    /// <summary>Returns a description of the first difference, starting with its JSON path, or <see langword="null"/> when the elements are equivalent.</summary>
    public static string? FindFirstDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {Describe(expected)} but found {Describe(actual)}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                return CompareObjects(expected, actual, path);
            case JsonValueKind.Array:
                var expectedLength = expected.GetArrayLength();
                var actualLength = actual.GetArrayLength();
                var common = Math.Min(expectedLength, actualLength);
                for (var i = 0; i < common; i++)
                {
                    var difference = FindFirstDifference(expected[i], actual[i], $"{path}[{i}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return expectedLength == actualLength
                    ? null
                    : $"{path}: expected an array of {expectedLength} elements but found {actualLength}";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString()
                    ? null
                    : $"{path}: expected {Describe(expected)} but found {Describe(actual)}";
            case JsonValueKind.Number:
                return NumbersEqual(expected, actual)
                    ? null
                    : $"{path}: expected the number {expected.GetRawText()} but found {actual.GetRawText()}";
            default:
                // True, False and Null: equal kinds are equal values.
                return null;
        }
    }

    private static string? CompareObjects(JsonElement expected, JsonElement actual, string path)
    {
        var actualMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in actual.EnumerateObject())
        {
            actualMembers[member.Name] = member.Value;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in expected.EnumerateObject())
        {
            seen.Add(member.Name);
            var memberPath = AppendMember(path, member.Name);
            if (!actualMembers.TryGetValue(member.Name, out var actualValue))
            {
                if (member.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                return $"{memberPath}: expected {Describe(member.Value)} but the member is missing";
            }

            var difference = FindFirstDifference(member.Value, actualValue, memberPath);
            if (difference is not null)
            {
                return difference;
            }
        }

        foreach (var member in actual.EnumerateObject())
        {
            if (!seen.Contains(member.Name) && member.Value.ValueKind != JsonValueKind.Null)
            {
                return $"{AppendMember(path, member.Name)}: unexpected member with {Describe(member.Value)}";
            }
        }

        return null;
    }

    private static bool NumbersEqual(JsonElement expected, JsonElement actual)
    {
        if (expected.GetRawText() == actual.GetRawText())
        {
            return true;
        }

        if (expected.TryGetDecimal(out var expectedDecimal) && actual.TryGetDecimal(out var actualDecimal))
        {
            return expectedDecimal == actualDecimal;
        }

        return expected.TryGetDouble(out var expectedDouble)
            && actual.TryGetDouble(out var actualDouble)
            && expectedDouble.Equals(actualDouble);
    }

    private static string AppendMember(string path, string name)
    {
        var simple = name.Length > 0
            && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return simple
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    private static string Describe(JsonElement element)
    {
        var raw = element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => element.GetRawText(),
        };
        return raw.Length > 80 ? string.Concat(raw.AsSpan(0, 77), "...") : raw;
    }
}

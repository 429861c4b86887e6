using System.Text.Json;
using LambdaKit.Events;

namespace LambdaKit.EventCheck;

/// <summary>
/// Round-trips one event payload through LambdaKit: detects its source with <see cref="EventSourceDetector"/>, reads it
/// into the type <see cref="EventSourceTypes.GetTypeInfo"/> names, writes it back and compares the two documents with
/// <see cref="JsonSemanticComparer"/>.
/// </summary>
internal static class EventChecker
{
    /// <summary>
    /// Checks the payload of one file; <paramref name="displayPath"/> is only carried into the result. A leading UTF-8
    /// byte order mark (an editor's encoding marker, never part of an event AWS sends) is skipped.
    /// </summary>
    public static EventCheckResult Check(byte[] payload, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.AsSpan().StartsWith("\uFEFF"u8))
        {
            payload = payload[3..];
        }

        JsonDocument original;
        try
        {
            original = JsonDocument.Parse(payload);
        }
        catch (JsonException exception)
        {
            return new EventCheckResult(displayPath, EventCheckOutcome.NotJson, EventSourceKind.Unknown, exception.Message);
        }

        using (original)
        {
            var kind = EventSourceDetector.Detect(payload);
            if (kind == EventSourceKind.Unknown)
            {
                return new EventCheckResult(displayPath, EventCheckOutcome.Unrecognised, kind, "no event source recognised in " + DescribeRoot(original.RootElement));
            }

            var typeInfo = EventSourceTypes.GetTypeInfo(kind);
            if (typeInfo is null)
            {
                return new EventCheckResult(displayPath, EventCheckOutcome.Unrecognised, kind, $"detected as {kind}, which has no event type to read it into");
            }

            object? value;
            try
            {
                value = JsonSerializer.Deserialize(payload, typeInfo);
            }
            catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
            {
                return new EventCheckResult(displayPath, EventCheckOutcome.Error, kind, $"reading as {typeInfo.Type.Name} failed: {exception.GetType().Name}: {exception.Message}");
            }

            if (value is null)
            {
                return new EventCheckResult(displayPath, EventCheckOutcome.Error, kind, $"reading as {typeInfo.Type.Name} gave null");
            }

            byte[] written;
            try
            {
                written = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
            }
            catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or OverflowException)
            {
                return new EventCheckResult(displayPath, EventCheckOutcome.Error, kind, $"writing {typeInfo.Type.Name} back failed: {exception.GetType().Name}: {exception.Message}");
            }

            using var roundTripped = JsonDocument.Parse(written);
            var difference = JsonSemanticComparer.FindFirstDifference(original.RootElement, roundTripped.RootElement);
            return difference is null
                ? new EventCheckResult(displayPath, EventCheckOutcome.Ok, kind, null)
                : new EventCheckResult(displayPath, EventCheckOutcome.Loss, kind, $"{difference} (read as {typeInfo.Type.Name})");
        }
    }

    private static string DescribeRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return $"a JSON {root.ValueKind.ToString().ToLowerInvariant()} (an event is an object)";
        }

        var names = root.EnumerateObject().Select(p => p.Name).Take(8).ToList();
        var description = names.Count == 0
            ? "an empty object"
            : "an object with members " + string.Join(", ", names) + (root.EnumerateObject().Count() > names.Count ? ", ..." : string.Empty);
        return FirstRecordSource(root) is { } source ? $"{description} (Records[0] has event source \"{source}\")" : description;
    }

    /// <summary>The <c>eventSource</c> (or SNS's <c>EventSource</c>) string of <c>Records[0]</c>, if there is one.</summary>
    private static string? FirstRecordSource(JsonElement root)
    {
        if (!root.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array || records.GetArrayLength() == 0
            || records[0].ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["eventSource", "EventSource"])
        {
            if (records[0].TryGetProperty(name, out var source) && source.ValueKind == JsonValueKind.String)
            {
                return source.GetString();
            }
        }

        return null;
    }
}

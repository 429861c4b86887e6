using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaKit.Batching;

/// <summary>Reads the typed payload of a record. A payload that cannot be read is a failure of that record only.</summary>
internal static class RecordPayload
{
    /// <summary>Reads UTF-8 JSON; on failure returns the exception instead of throwing it further.</summary>
    public static bool TryRead<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo, [MaybeNullWhen(false)] out T payload, [NotNullWhen(false)] out Exception? failure)
    {
        try
        {
            payload = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException exception)
        {
            payload = default;
            failure = Unreadable<T>(exception);
            return false;
        }

        return Check(payload, out failure);
    }

    /// <summary>Reads a JSON string (an SQS body); on failure returns the exception instead of throwing it further.</summary>
    public static bool TryRead<T>(string? json, JsonTypeInfo<T> typeInfo, [MaybeNullWhen(false)] out T payload, [NotNullWhen(false)] out Exception? failure)
    {
        if (json is null)
        {
            payload = default;
            failure = new EventDeserializationException($"The record has no payload to read as {typeof(T).Name}.");
            return false;
        }

        try
        {
            payload = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException exception)
        {
            payload = default;
            failure = Unreadable<T>(exception);
            return false;
        }

        return Check(payload, out failure);
    }

    /// <summary>The metadata of a handler's payload type, bound once per batch.</summary>
    public static JsonTypeInfo<T> Bound<T>(JsonTypeInfo<T>? typeInfo)
        => typeInfo ?? throw new InvalidOperationException("The record handler was not bound to the function's JSON metadata.");

    private static bool Check<T>(T? payload, [NotNullWhen(false)] out Exception? failure)
    {
        if (payload is null)
        {
            failure = new EventDeserializationException($"The payload of the record is JSON null; expected {typeof(T).Name}.");
            return false;
        }

        failure = null;
        return true;
    }

    private static EventDeserializationException Unreadable<T>(JsonException exception)
        => new($"The payload of the record could not be deserialized as {typeof(T).Name}: {exception.Message}", exception);
}

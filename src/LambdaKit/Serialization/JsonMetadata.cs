using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LambdaKit.Events;

namespace LambdaKit.Serialization;

/// <summary>
/// The source-generated JSON metadata known to the function: the contexts it is given (the ones registered in
/// <c>LambdaKitOptions</c>, read by Hosting, so that this folder does not depend on it), then LambdaKit.Events' context
/// unless the <see cref="EventTypeLookup"/> switch is off. Lookups are cached per type.
/// </summary>
internal sealed class JsonMetadata
{
    private readonly JsonSerializerContext[] _contexts;
    private readonly bool _includesEventTypes;
    private readonly ConcurrentDictionary<Type, JsonTypeInfo> _cache = new();

    /// <param name="contexts">The function's own contexts, searched first.</param>
    /// <param name="eventTypes">
    /// <c>LambdaKitEventsJsonContext.Default</c>, searched after them, or <see langword="null"/> when the
    /// <see cref="EventTypeLookup"/> switch is off. The caller references the context behind the switch's test, in the
    /// same method, so that the trimmer removes it with the branch (it does not follow a constant into a parameter).
    /// </param>
    public JsonMetadata(IEnumerable<JsonSerializerContext> contexts, JsonSerializerContext? eventTypes)
    {
        _includesEventTypes = eventTypes is not null;
        _contexts = eventTypes is null ? [.. contexts] : [.. contexts, eventTypes];
    }

    /// <summary>The metadata of <typeparamref name="T"/>; throws with a message that says how to provide it.</summary>
    public JsonTypeInfo<T> GetTypeInfo<T>()
    {
        if (_cache.TryGetValue(typeof(T), out var cached))
        {
            return (JsonTypeInfo<T>)cached;
        }

        // Each context is bound to its own options: the first that knows the type wins.
        foreach (var context in _contexts)
        {
            if (context.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> typeInfo)
            {
                _cache.TryAdd(typeof(T), typeInfo);
                return typeInfo;
            }
        }

        throw Missing(typeof(T), usedBy: null);
    }

    /// <summary>The error for a type no context knows, saying how to provide its metadata.</summary>
    /// <param name="type">The type without metadata.</param>
    /// <param name="usedBy">What needs it (for example "the payload of MyHandler"), or <see langword="null"/>.</param>
    public InvalidOperationException Missing(Type type, string? usedBy)
    {
        var what = usedBy is null ? type.FullName : $"{type.FullName}, {usedBy}";
        if (!_includesEventTypes && type.Assembly == typeof(EventSourceKind).Assembly)
        {
            return new InvalidOperationException(
                $"No JSON metadata for {what}: it is a LambdaKit.Events type, and this function was built with " +
                "LambdaKitEventTypeLookup=false, which leaves LambdaKit.Events' JSON metadata out. Remove that MSBuild property, " +
                "or register the metadata yourself: services.AddLambdaKit(o => o.AddJsonSerializerContext(LambdaKitEventsJsonContext.Default)).");
        }

        return new InvalidOperationException(
            $"No JSON metadata for {what}: add [JsonSerializable(typeof({type.Name}))] to a JsonSerializerContext " +
            "and register it with services.AddLambdaKit(o => o.AddJsonSerializerContext(MyJsonContext.Default)).");
    }

    /// <summary>Whether any of the contexts has metadata for <paramref name="type"/> (checked at start, before the first event).</summary>
    public bool Knows(Type type)
    {
        foreach (var context in _contexts)
        {
            if (context.GetTypeInfo(type) is not null)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LambdaKit.Events;

namespace LambdaKit.Serialization;

/// <summary>
/// The source-generated JSON metadata known to the function: the contexts it is given (the ones registered in
/// <c>LambdaKitOptions</c>, read by Hosting, so that this folder does not depend on it), then LambdaKit's event types.
/// Lookups are cached per type.
/// </summary>
internal sealed class JsonMetadata
{
    private readonly JsonSerializerContext[] _contexts;
    private readonly ConcurrentDictionary<Type, JsonTypeInfo> _cache = new();

    public JsonMetadata(IEnumerable<JsonSerializerContext> contexts)
    {
        _contexts = [.. contexts, LambdaKitEventsJsonContext.Default];
    }

    /// <summary>The metadata of <typeparamref name="T"/>; throws with a message that says how to provide it.</summary>
    public JsonTypeInfo<T> GetTypeInfo<T>()
    {
        if (_cache.TryGetValue(typeof(T), out var cached))
        {
            return (JsonTypeInfo<T>)cached;
        }

        var typeInfo = LambdaJson.GetTypeInfo<T>(_contexts);
        _cache.TryAdd(typeof(T), typeInfo);
        return typeInfo;
    }
}

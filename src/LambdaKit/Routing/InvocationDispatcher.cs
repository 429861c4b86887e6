using System.Text;
using System.Text.Json;
using LambdaKit.Context;
using LambdaKit.Events;

namespace LambdaKit.Routing;

/// <summary>
/// Chooses the handler of an invocation. With a single raw handler, every event goes to it without detection; otherwise
/// the source is detected from the payload with one forward-only read and the event goes to the handler of that source
/// (a scheduled event falls back to an EventBridge handler; an unknown source to the raw handler, if any).
/// Built once at start-up, so that a missing JSON metadata or an impossible registration fails the init phase.
/// </summary>
internal sealed class InvocationDispatcher
{
    private readonly InvocationDelegate?[] _bySource;
    private readonly InvocationDelegate? _raw;
    private readonly bool _detect;
    private readonly string _registered;

    public InvocationDispatcher(IEnumerable<HandlerRegistration> registrations, IServiceProvider services)
    {
        var all = registrations.ToArray();
        if (all.Length == 0)
        {
            throw new InvalidOperationException(
                "No handler is registered: call services.AddHandler<TEvent, TResponse, THandler>(), AddHttpApi(...) or a source-specific registration before Build().");
        }

        var raw = all.Where(r => r.Sources.Count == 0).ToArray();
        if (raw.Length > 1)
        {
            throw new InvalidOperationException(
                $"{raw.Length} raw handlers are registered ({string.Join(", ", raw.Select(r => r.Name))}); a function has at most one handler for events of no AWS source.");
        }

        _bySource = new InvocationDelegate?[Enum.GetValues<EventSourceKind>().Length];
        var owners = new string?[_bySource.Length];
        foreach (var registration in all.Where(r => r.Sources.Count > 0))
        {
            var built = registration.Build(services);
            foreach (var source in registration.Sources)
            {
                if (owners[(int)source] is { } owner)
                {
                    throw new InvalidOperationException(
                        $"Two handlers are registered for {EventSources.Describe(source)}: {owner} and {registration.Name}.");
                }

                owners[(int)source] = registration.Name;
                _bySource[(int)source] = built;
            }
        }

        _raw = raw.Length == 1 ? raw[0].Build(services) : null;
        _detect = raw.Length != all.Length;
        _registered = string.Join(", ", all.Select(r => r.Name));
    }

    /// <summary>Runs the handler of the event's source and returns what it reports; throws what the handler throws.</summary>
    public ValueTask<InvocationOutcome> DispatchAsync(InvocationContext context)
    {
        if (!_detect)
        {
            return _raw!(context, EventSourceKind.Unknown);
        }

        var kind = EventSourceDetector.Detect(context.Payload.Span, validate: false);
        if (kind == EventSourceKind.ApiGatewayRest && _bySource[(int)EventSourceKind.ApiGatewayWebSocket] is not null)
        {
            // A WebSocket event may carry resource and httpMethod before the requestContext that tells it apart
            // (connectionId), where the fast path stops: a function that serves WebSocket routes reads the whole event.
            kind = EventSourceDetector.Detect(context.Payload.Span);
        }

        var handler = _bySource[(int)kind]
            ?? (kind == EventSourceKind.Schedule ? _bySource[(int)EventSourceKind.EventBridge] : null)
            ?? _raw;
        return handler is not null ? handler(context, kind) : throw Unroutable(kind, context.Payload);
    }

    private Exception Unroutable(EventSourceKind kind, ReadOnlyMemory<byte> payload)
    {
        if (kind != EventSourceKind.Unknown)
        {
            return new UnknownEventSourceException(
                $"Received an {EventSources.Describe(kind)}, but no handler is registered for it. Registered: {_registered}.");
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return new UnknownEventSourceException(
                $"Received an event of no known source ({Shape(document.RootElement)}) and no raw handler is registered. Registered: {_registered}.");
        }
        catch (JsonException exception)
        {
            return new EventDeserializationException($"The event is not valid JSON: {exception.Message}", exception);
        }
        catch (InvalidOperationException exception)
        {
            // A member name that is not valid UTF-8 (found by the fuzz tests).
            return new EventDeserializationException("The event is not valid UTF-8 JSON.", exception);
        }
    }

    private static string Shape(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "a JSON " + root.ValueKind.ToString().ToUpperInvariant();
        }

        var names = new StringBuilder("members: ");
        var count = 0;
        foreach (var property in root.EnumerateObject())
        {
            if (count++ == 10)
            {
                names.Append(", …");
                break;
            }

            names.Append(count > 1 ? ", " : string.Empty).Append(property.Name);
        }

        return count == 0 ? "an empty object" : names.ToString();
    }
}

using LambdaKit.Context;
using Microsoft.Extensions.Options;

namespace LambdaKit.Routing;

/// <summary>
/// Chooses the handler of an invocation. Built once at start-up, so that a missing JSON metadata or an
/// impossible registration fails the init phase (reported to <c>/init/error</c>) rather than an invocation.
/// </summary>
internal sealed class InvocationDispatcher
{
    private readonly InvocationDelegate _single;

    public InvocationDispatcher(IEnumerable<HandlerRegistration> registrations, IOptions<LambdaKitOptions> options)
    {
        var all = registrations.ToArray();
        var json = options.Value;
        if (all.Length == 0)
        {
            throw new InvalidOperationException(
                "No handler is registered: call services.AddHandler<TEvent, TResponse, THandler>() (or a source-specific AddXxxHandler) before Build().");
        }

        if (all.Length > 1)
        {
            throw new InvalidOperationException(
                $"{all.Length} raw handlers are registered ({string.Join(", ", all.Select(r => r.ToString()))}); a function has one raw handler.");
        }

        _single = all[0].Build(json);
    }

    public ValueTask DispatchAsync(InvocationContext context) => _single(context);
}

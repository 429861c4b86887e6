using LambdaKit.Events;

namespace LambdaKit.Routing;

/// <summary>
/// A handler as registered in DI: the event sources it serves (none for a raw, direct-invoke handler) and how to build
/// its invocation delegate once the options are known. Built from closed generic methods at registration time: no
/// reflection at run time.
/// </summary>
internal sealed class HandlerRegistration
{
    public HandlerRegistration(string name, IReadOnlyList<EventSourceKind> sources, Func<IServiceProvider, InvocationDelegate> build)
    {
        Name = name;
        Sources = sources;
        Build = build;
    }

    /// <summary>The handler's name, for messages.</summary>
    public string Name { get; }

    /// <summary>The sources served; empty for a raw handler.</summary>
    public IReadOnlyList<EventSourceKind> Sources { get; }

    /// <summary>Builds the delegate, once, from the root services.</summary>
    public Func<IServiceProvider, InvocationDelegate> Build { get; }

    /// <summary>
    /// Runs once, from the root services, what an invocation of this handler runs besides the handler's own method: the
    /// event's and the response's JSON code, the handler's construction in a throwaway scope (SnapStart priming); never
    /// calls the handler. Throws nothing (a disposal that fails aside). <see langword="null"/> when the registration has nothing to prime.
    /// </summary>
    public Func<IServiceProvider, ValueTask>? Prime { get; init; }

    public override string ToString() => Name;
}

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

    public override string ToString() => Name;
}

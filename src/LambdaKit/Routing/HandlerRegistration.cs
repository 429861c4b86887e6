namespace LambdaKit.Routing;

/// <summary>
/// A handler as registered in DI: the event type it takes and how to build its invocation delegate once the
/// JSON options are known. Built from closed generic methods at registration time: no reflection at run time.
/// </summary>
internal sealed class HandlerRegistration
{
    public HandlerRegistration(Type eventType, Type handlerType, Func<LambdaKitOptions, InvocationDelegate> build)
    {
        EventType = eventType;
        HandlerType = handlerType;
        Build = build;
    }

    public Type EventType { get; }

    public Type HandlerType { get; }

    public Func<LambdaKitOptions, InvocationDelegate> Build { get; }

    public override string ToString() => $"{HandlerType.Name} ({EventType.Name})";
}

using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LambdaKit.Routing;

/// <summary>Builds the invocation delegates of typed handlers (closed generics, resolved once at start-up).</summary>
internal static class HandlerInvoker
{
    public static HandlerRegistration ForResponse<TEvent, TResponse, THandler>()
        where THandler : class, ILambdaHandler<TEvent, TResponse>
        => new(Name<TEvent, THandler>(), SourcesOf<TEvent>(), services =>
        {
            var json = services.GetRequiredService<JsonMetadata>();
            var input = json.GetTypeInfo<TEvent>();
            var output = json.GetTypeInfo<TResponse>();
            return async context =>
            {
                var @event = LambdaJson.Deserialize(context.Payload.Span, input);
                var handler = context.Services.GetRequiredService<THandler>();
                var response = await handler.HandleAsync(@event, context, context.CancellationToken).ConfigureAwait(false);
                LambdaJson.Serialize(context.Output, response, output);
            };
        });

    public static HandlerRegistration ForEvent<TEvent, THandler>()
        where THandler : class, ILambdaHandler<TEvent>
        => new(Name<TEvent, THandler>(), SourcesOf<TEvent>(), services =>
        {
            var input = services.GetRequiredService<JsonMetadata>().GetTypeInfo<TEvent>();
            return async context =>
            {
                var @event = LambdaJson.Deserialize(context.Payload.Span, input);
                var handler = context.Services.GetRequiredService<THandler>();
                await handler.HandleAsync(@event, context, context.CancellationToken).ConfigureAwait(false);
            };
        });

    private static string Name<TEvent, THandler>() => $"{typeof(THandler).Name} ({typeof(TEvent).Name})";

    private static Events.EventSourceKind[] SourcesOf<TEvent>()
        => EventSources.KindOf(typeof(TEvent)) is { } kind ? [kind] : [];
}

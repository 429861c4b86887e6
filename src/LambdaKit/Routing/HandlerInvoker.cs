using LambdaKit.Context;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection;

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
            return (context, _) =>
            {
                var @event = LambdaJson.Deserialize(context.Payload.Span, input);
                var handler = context.Services.GetRequiredService<THandler>();
                var pending = handler.HandleAsync(@event, context, context.CancellationToken);
                if (pending.IsCompletedSuccessfully)
                {
                    LambdaJson.Serialize(context.Output, pending.Result, output);
                    return ValueTask.FromResult(InvocationOutcome.Completed);
                }

                return SerializeWhenDoneAsync(pending, context, output);
            };
        });

    public static HandlerRegistration ForEvent<TEvent, THandler>()
        where THandler : class, ILambdaHandler<TEvent>
        => new(Name<TEvent, THandler>(), SourcesOf<TEvent>(), services =>
        {
            var input = services.GetRequiredService<JsonMetadata>().GetTypeInfo<TEvent>();
            return (context, _) =>
            {
                var @event = LambdaJson.Deserialize(context.Payload.Span, input);
                var handler = context.Services.GetRequiredService<THandler>();
                var pending = handler.HandleAsync(@event, context, context.CancellationToken);
                return pending.IsCompletedSuccessfully ? ValueTask.FromResult(InvocationOutcome.Completed) : CompletedWhenDoneAsync(pending);
            };
        });

    private static async ValueTask<InvocationOutcome> SerializeWhenDoneAsync<TResponse>(ValueTask<TResponse> pending, InvocationContext context, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResponse> output)
    {
        var response = await pending.ConfigureAwait(false);
        LambdaJson.Serialize(context.Output, response, output);
        return InvocationOutcome.Completed;
    }

    private static async ValueTask<InvocationOutcome> CompletedWhenDoneAsync(ValueTask pending)
    {
        await pending.ConfigureAwait(false);
        return InvocationOutcome.Completed;
    }

    private static string Name<TEvent, THandler>() => $"{typeof(THandler).Name} ({typeof(TEvent).Name})";

    private static Events.EventSourceKind[] SourcesOf<TEvent>()
        => EventSources.KindOf(typeof(TEvent)) is { } kind ? [kind] : [];
}

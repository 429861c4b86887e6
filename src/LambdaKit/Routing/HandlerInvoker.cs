using LambdaKit.Context;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Routing;

/// <summary>Builds the invocation delegates of typed handlers (closed generics, resolved once at start-up).</summary>
internal static class HandlerInvoker
{
    public static HandlerRegistration ForResponse<TEvent, TResponse, THandler>()
        where THandler : class, ILambdaHandler<TEvent, TResponse>
        => new(typeof(TEvent), typeof(THandler), options =>
        {
            var input = LambdaJson.GetTypeInfo<TEvent>(options.JsonSerializerContexts);
            var output = LambdaJson.GetTypeInfo<TResponse>(options.JsonSerializerContexts);
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
        => new(typeof(TEvent), typeof(THandler), options =>
        {
            var input = LambdaJson.GetTypeInfo<TEvent>(options.JsonSerializerContexts);
            return async context =>
            {
                var @event = LambdaJson.Deserialize(context.Payload.Span, input);
                var handler = context.Services.GetRequiredService<THandler>();
                await handler.HandleAsync(@event, context, context.CancellationToken).ConfigureAwait(false);
            };
        });
}

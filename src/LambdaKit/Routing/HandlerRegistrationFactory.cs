using LambdaKit.Context;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Routing;

/// <summary>
/// Builds the <see cref="HandlerRegistration"/> of a typed handler (<c>AddHandler</c>): its name, its event source, and how to
/// build its invocation delegate, from closed generics, so that nothing is reflected at run time. Invokes nothing itself.
/// </summary>
internal static class HandlerRegistrationFactory
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
        })
        {
            Prime = services =>
            {
                var json = services.GetRequiredService<JsonMetadata>();
                LambdaJson.Prime(json.GetTypeInfo<TEvent>());
                LambdaJson.Prime(json.GetTypeInfo<TResponse>());
                return PrimeResolutionAsync(services, static scope => scope.GetService<THandler>());
            },
        };

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
        })
        {
            Prime = services =>
            {
                LambdaJson.Prime(services.GetRequiredService<JsonMetadata>().GetTypeInfo<TEvent>());
                return PrimeResolutionAsync(services, static scope => scope.GetService<THandler>());
            },
        };

    /// <summary>
    /// Creates a scope as an invocation does, resolves what <paramref name="resolve"/> asks for (the handler: its
    /// constructor runs, its method does not) and disposes the scope. A resolution that fails outside an invocation
    /// (a handler that needs <see cref="ILambdaContext"/>) is ignored.
    /// </summary>
    public static async ValueTask PrimeResolutionAsync(IServiceProvider services, Func<IServiceProvider, object?> resolve)
    {
        var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        try
        {
            resolve(scope.ServiceProvider);
        }
#pragma warning disable CA1031 // Priming is best effort: whatever it could not run is compiled at the first invocation.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
    }

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

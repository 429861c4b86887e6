using System.Diagnostics.CodeAnalysis;
using LambdaKit;
using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Hosting;
using LambdaKit.Invocation;
using LambdaKit.Logging;
using LambdaKit.Routing;
using LambdaKit.Runtime;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LambdaKit and function handlers in an <see cref="IServiceCollection"/>.</summary>
public static class LambdaKitServiceCollectionExtensions
{
    /// <summary>
    /// Adds the LambdaKit runtime: the Runtime API client, the loop, the context, logging. Calling it more than once
    /// (every <c>AddHandler</c> and <c>Add…Handler</c> calls it) registers each service once and only adds
    /// <paramref name="configure"/>, which runs after the earlier ones. <see cref="LambdaKitOptions"/> are validated when the
    /// function starts: an invalid value fails the init phase with an <see cref="OptionsValidationException"/>.
    /// </summary>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <param name="configure">Configures <see cref="LambdaKitOptions"/>.</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddLambdaKit(this IServiceCollection services, Action<LambdaKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LambdaKitOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The validator doubles as the marker of a first call: only then is start-up validation asked for.
        var registered = services.Count;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LambdaKitOptions>, LambdaKitOptionsValidator>(static _ => new LambdaKitOptionsValidator()));
        if (services.Count != registered)
        {
            options.ValidateOnStart();
        }

        LambdaLoggingOptionsValidator.Register(services);
        ClosedOptions.Register<LambdaKitOptions>(services);
        ClosedOptions.Register<LambdaLoggingOptions>(services);
        ClosedOptions.RegisterLogger<LambdaRuntimeLoop>(services);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => LambdaEnvironment.FromProcess());
        // LambdaKit's own services are built by constructor calls, not by DI's constructor reflection (slow at start in
        // Native AOT, and repeated by ValidateOnBuild).
        services.TryAddSingleton(static sp => new LambdaLogWriter(
            sp.GetRequiredService<LambdaEnvironment>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<LambdaLoggingOptions>>()));
        services.TryAddSingleton<ILambdaLogger>(static sp => new LambdaLogger(sp.GetRequiredService<LambdaLogWriter>()));
        // One invocation at a time: the client makes blocking socket calls on the loop's thread (no epoll thread, no
        // thread-pool hand-off per read); with several workers, asynchronous ones.
        services.TryAddSingleton<IRuntimeApiClient>(sp => new RuntimeApiClient(
            sp.GetRequiredService<LambdaEnvironment>().RuntimeApi
            ?? throw new InvalidOperationException($"{LambdaEnvironment.RuntimeApiVariable} is not set: this process is not running on Lambda. Run it through the local Runtime API (see README) or set {LambdaEnvironment.RuntimeApiVariable}=host:port."),
            blocking: (sp.GetRequiredService<IOptions<LambdaKitOptions>>().Value.MaxConcurrency ?? sp.GetRequiredService<LambdaEnvironment>().MaxConcurrency) == 1));
        services.TryAddSingleton(sp =>
        {
            var contexts = sp.GetRequiredService<IOptions<LambdaKitOptions>>().Value.JsonSerializerContexts;
            return new JsonMetadata(contexts, EventTypeLookup.IsEnabled ? LambdaKitEventsJsonContext.Default : null);
        });
        services.TryAddSingleton(sp => new InvocationDispatcher(sp.GetServices<HandlerRegistration>(), sp));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LambdaKitOptions>>().Value;
            return new InvocationSettings(options.CancellationMargin, options.MaxConcurrency, options.GarbageCollectionThreshold);
        });
        services.TryAddSingleton(static sp => new LambdaRuntimeLoop(
            sp.GetRequiredService<IRuntimeApiClient>(),
            sp.GetRequiredService<InvocationDispatcher>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<LambdaEnvironment>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILambdaLogger>(),
            sp.GetRequiredService<LambdaLogWriter>(),
            sp.GetRequiredService<ILogger<LambdaRuntimeLoop>>(),
            sp.GetRequiredService<InvocationSettings>()));
        services.TryAddScoped<ILambdaContext>(_ => CurrentInvocation.Context
            ?? throw new InvalidOperationException("ILambdaContext is only available inside an invocation (a scope created by the pipeline, in the invocation's flow)."));
        return services;
    }

    /// <summary>Registers the function's handler for a raw event type and a response (direct invoke, Step Functions…).</summary>
    /// <typeparam name="TEvent">The event type; its JSON metadata must be registered.</typeparam>
    /// <typeparam name="TResponse">The response type; its JSON metadata must be registered.</typeparam>
    /// <typeparam name="THandler">The handler, resolved from the invocation's scope.</typeparam>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddHandler<TEvent, TResponse, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, ILambdaHandler<TEvent, TResponse>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLambdaKit();
        services.TryAddScoped<THandler>();
        services.AddSingleton(HandlerRegistrationFactory.ForResponse<TEvent, TResponse, THandler>());
        return services;
    }

    /// <summary>Registers the function's handler for a raw event type that needs no response.</summary>
    /// <typeparam name="TEvent">The event type; its JSON metadata must be registered.</typeparam>
    /// <typeparam name="THandler">The handler, resolved from the invocation's scope.</typeparam>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddHandler<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, ILambdaHandler<TEvent>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLambdaKit();
        services.TryAddScoped<THandler>();
        services.AddSingleton(HandlerRegistrationFactory.ForEvent<TEvent, THandler>());
        return services;
    }
}

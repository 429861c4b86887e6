using LambdaKit;
using LambdaKit.Hosting;
using LambdaKit.Warm;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers warm-container state: values built once per execution environment and reused by its invocations.</summary>
public static class WarmStateServiceCollectionExtensions
{
    /// <summary>
    /// Registers a value kept across warm invocations, injected as <see cref="IWarmState{T}"/>:
    /// <code>
    /// services.AddWarmState(async (sp, ct) =&gt; await OrdersClient.ConnectAsync(ct), o =&gt; o.WarmUpAtStart = true);
    /// </code>
    /// The factory is given the root services (resolve singletons only) and a token that fires when the application shuts
    /// down; it runs outside any invocation. Registering the same <typeparamref name="T"/> again replaces the registration.
    /// </summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="factory">Builds the value.</param>
    /// <param name="configure">Configures <see cref="WarmStateOptions"/> (time-to-live, warm-up, disposal).</param>
    /// <returns>The services.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static IServiceCollection AddWarmState<T>(
        this IServiceCollection services,
        Func<IServiceProvider, CancellationToken, ValueTask<T>> factory,
        Action<WarmStateOptions>? configure = null)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        var options = new WarmStateOptions();
        configure?.Invoke(options);
        var validated = options.Validated();

        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IWarmState<T>>();
        services.AddSingleton<IWarmState<T>>(sp => new WarmState<T>(
            sp,
            factory,
            validated,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaInitializer, WarmUpInitializer<T>>(
            sp => new WarmUpInitializer<T>(sp.GetRequiredService<IWarmState<T>>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaSnapshotHook, WarmStateRestoreHook<T>>(
            sp => new WarmStateRestoreHook<T>(sp.GetRequiredService<IWarmState<T>>())));
        return services;
    }
}

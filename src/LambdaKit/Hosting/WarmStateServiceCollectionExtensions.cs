using LambdaKit;
using LambdaKit.Hosting;
using LambdaKit.Warm;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
    /// down; it runs outside any invocation. Registering the same <typeparamref name="T"/> again replaces the registration,
    /// its factory and its options. The options are validated when the function starts: an invalid value fails the init phase
    /// with an <see cref="OptionsValidationException"/>.
    /// </summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <param name="factory">Builds the value.</param>
    /// <param name="configure">Configures <see cref="WarmStateOptions"/> (time-to-live, warm-up, disposal).</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddWarmState<T>(
        this IServiceCollection services,
        Func<IServiceProvider, CancellationToken, ValueTask<T>> factory,
        Action<WarmStateOptions>? configure = null)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        var name = WarmStateOptionsValidator.NameOf<T>();
        var replacing = services.Any(d => d.ServiceType == typeof(IWarmState<T>));
        services.RemoveAll<IWarmState<T>>();
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i] is { IsKeyedService: false, ImplementationInstance: ConfigureNamedOptions<WarmStateOptions> earlier }
                && string.Equals(earlier.Name, name, StringComparison.Ordinal))
            {
                services.RemoveAt(i); // the options of the registration being replaced
            }
        }

        var options = services.AddOptions<WarmStateOptions>(name);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WarmStateOptions>, WarmStateOptionsValidator>());
        if (!replacing)
        {
            options.ValidateOnStart();
        }

        ClosedOptions.Register<WarmStateOptions>(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IWarmState<T>>(sp => new WarmState<T>(
            sp,
            factory,
            sp.GetRequiredService<IOptionsMonitor<WarmStateOptions>>().Get(name),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaInitializer, WarmUpInitializer<T>>(
            sp => new WarmUpInitializer<T>(sp.GetRequiredService<IWarmState<T>>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaSnapshotHook, WarmStateRestoreHook<T>>(
            sp => new WarmStateRestoreHook<T>(sp.GetRequiredService<IWarmState<T>>())));
        return services;
    }
}

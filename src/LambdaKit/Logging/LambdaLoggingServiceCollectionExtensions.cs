using System.ComponentModel;
using LambdaKit;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures LambdaKit's stdout logging and invocation metrics.</summary>
public static class LambdaLoggingServiceCollectionExtensions
{
    /// <summary>
    /// Configures <see cref="LambdaLoggingOptions"/>: the line format, the buffer in front of stdout, and the Embedded Metric
    /// Format line per invocation. Can be called more than once; the options are validated when the function starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLambdaLogging(this IServiceCollection services, Action<LambdaLoggingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LambdaLoggingOptions>()
            .Configure(configure)
            .Validate(o => o.MaxBufferedBytes >= 1024, "LambdaLoggingOptions.MaxBufferedBytes must be at least 1024.")
            .Validate(o => o.FullBufferWait >= TimeSpan.Zero, "LambdaLoggingOptions.FullBufferWait must not be negative.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.MetricsNamespace), "LambdaLoggingOptions.MetricsNamespace must not be empty.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>The former name of <see cref="AddLambdaLogging"/>, which it calls.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The services.</returns>
    [Obsolete("Use AddLambdaLogging")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IServiceCollection ConfigureLambdaLogging(this IServiceCollection services, Action<LambdaLoggingOptions> configure)
        => services.AddLambdaLogging(configure);
}

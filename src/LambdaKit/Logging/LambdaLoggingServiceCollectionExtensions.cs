using System.ComponentModel;
using LambdaKit;
using LambdaKit.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures LambdaKit's stdout logging and invocation metrics.</summary>
public static class LambdaLoggingServiceCollectionExtensions
{
    /// <summary>
    /// Configures <see cref="LambdaLoggingOptions"/>: the line format, the buffer in front of stdout, and the Embedded Metric
    /// Format line per invocation. Can be called more than once: each <paramref name="configure"/> runs after the earlier ones.
    /// The options are validated when the function starts: an invalid value fails the init phase with an
    /// <see cref="Options.OptionsValidationException"/>.
    /// </summary>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddLambdaLogging(this IServiceCollection services, Action<LambdaLoggingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LambdaLoggingOptions>().Configure(configure);
        LambdaLoggingOptionsValidator.Register(services);
        return services;
    }

    /// <summary>The former name of <see cref="AddLambdaLogging"/>, which it calls.</summary>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    [Obsolete("Use AddLambdaLogging")]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static IServiceCollection ConfigureLambdaLogging(this IServiceCollection services, Action<LambdaLoggingOptions> configure)
        => services.AddLambdaLogging(configure);
}

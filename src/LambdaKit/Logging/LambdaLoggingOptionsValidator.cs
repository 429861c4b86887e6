using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LambdaKit.Logging;

/// <summary>
/// Refuses <see cref="LambdaLoggingOptions"/> that cannot work, when the function starts (a bad value fails the init phase
/// rather than the first log line).
/// </summary>
internal sealed class LambdaLoggingOptionsValidator : IValidateOptions<LambdaLoggingOptions>
{
    /// <summary>The smallest <see cref="LambdaLoggingOptions.MaxBufferedBytes"/>: room for a few ordinary lines.</summary>
    public const int MinBufferedBytes = 1024;

    /// <summary>Registers the validator and start-up validation, once however often it is called.</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Count;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LambdaLoggingOptions>, LambdaLoggingOptionsValidator>(static _ => new LambdaLoggingOptionsValidator()));
        if (services.Count != registered)
        {
            services.AddOptions<LambdaLoggingOptions>().ValidateOnStart();
        }
    }

    public ValidateOptionsResult Validate(string? name, LambdaLoggingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string>? failures = null;
        if (options.Format is { } format && !Enum.IsDefined(format))
        {
            (failures ??= []).Add($"LambdaLoggingOptions.Format must be Text, Json or null to follow AWS_LAMBDA_LOG_FORMAT (it is {(int)format}).");
        }

        if (options.MaxBufferedBytes < MinBufferedBytes)
        {
            (failures ??= []).Add($"LambdaLoggingOptions.MaxBufferedBytes must be at least {MinBufferedBytes} (it is {options.MaxBufferedBytes}).");
        }

        if (options.FullBufferWait < TimeSpan.Zero)
        {
            (failures ??= []).Add($"LambdaLoggingOptions.FullBufferWait must not be negative (it is {options.FullBufferWait}).");
        }

        if (string.IsNullOrWhiteSpace(options.MetricsNamespace))
        {
            (failures ??= []).Add("LambdaLoggingOptions.MetricsNamespace must not be empty.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

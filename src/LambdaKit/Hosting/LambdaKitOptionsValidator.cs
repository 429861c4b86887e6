using Microsoft.Extensions.Options;

namespace LambdaKit.Hosting;

/// <summary>
/// Refuses <see cref="LambdaKitOptions"/> that cannot work. Registered once by <c>AddLambdaKit</c> and run when the function
/// starts, so that a bad value fails the init phase (reported to <c>/init/error</c>) rather than an invocation.
/// </summary>
internal sealed class LambdaKitOptionsValidator : IValidateOptions<LambdaKitOptions>
{
    public ValidateOptionsResult Validate(string? name, LambdaKitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string>? failures = null;
        if (options.CancellationMargin < TimeSpan.Zero)
        {
            (failures ??= []).Add($"LambdaKitOptions.CancellationMargin must not be negative (it is {options.CancellationMargin}).");
        }

        if (options.MaxConcurrency is <= 0)
        {
            (failures ??= []).Add($"LambdaKitOptions.MaxConcurrency must be positive, or null to follow AWS_LAMBDA_MAX_CONCURRENCY (it is {options.MaxConcurrency}).");
        }

        if (options.GarbageCollectionThreshold is <= 0)
        {
            (failures ??= []).Add($"LambdaKitOptions.GarbageCollectionThreshold must be positive, or null to leave collections to the runtime (it is {options.GarbageCollectionThreshold}).");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

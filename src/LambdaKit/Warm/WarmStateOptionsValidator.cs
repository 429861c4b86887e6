using Microsoft.Extensions.Options;

namespace LambdaKit.Warm;

/// <summary>
/// Refuses <see cref="WarmStateOptions"/> that cannot work, when the function starts. The options of one entry are named
/// after the full name of its value's type, which the message names.
/// </summary>
internal sealed class WarmStateOptionsValidator : IValidateOptions<WarmStateOptions>
{
    /// <summary>The options name of the entry whose values are of type <typeparamref name="T"/>.</summary>
    public static string NameOf<T>() => typeof(T).FullName ?? typeof(T).Name;

    public ValidateOptionsResult Validate(string? name, WarmStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string>? failures = null;
        if (options.TimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            (failures ??= []).Add($"WarmStateOptions.TimeToLive of the warm state of {name} must be positive, or null for no expiry (it is {ttl}).");
        }

        if (options.ReplacedValueDisposeDelay < TimeSpan.Zero)
        {
            (failures ??= []).Add($"WarmStateOptions.ReplacedValueDisposeDelay of the warm state of {name} must not be negative (it is {options.ReplacedValueDisposeDelay}).");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace LambdaKit.Batching;

/// <summary>
/// Refuses <see cref="BatchOptions"/> that cannot work, when the function starts. The options are named after the event
/// source (<c>Sqs</c>, <c>Kinesis</c>, <c>DynamoDb</c>, <c>KinesisFirehose</c>), which the message names.
/// </summary>
internal sealed class BatchOptionsValidator : IValidateOptions<BatchOptions>
{
    public ValidateOptionsResult Validate(string? name, BatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string>? failures = null;
        if (options.MaxDegreeOfParallelism < 1)
        {
            (failures ??= []).Add($"BatchOptions.MaxDegreeOfParallelism of the {name} handler must be at least 1 (it is {options.MaxDegreeOfParallelism}).");
        }

        if (options.RecordTimeEstimate < TimeSpan.Zero)
        {
            (failures ??= []).Add($"BatchOptions.RecordTimeEstimate of the {name} handler must not be negative (it is {options.RecordTimeEstimate}).");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

namespace LambdaKit;

/// <summary>
/// Sets the <c>errorType</c> reported to Lambda for an exception class, so that Step Functions
/// <c>Retry</c>/<c>Catch</c> rules and callers can match on it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class LambdaErrorTypeAttribute : Attribute
{
    /// <summary>Sets the error type of an exception class.</summary>
    /// <param name="errorType">The error type to report.</param>
    public LambdaErrorTypeAttribute(string errorType)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorType);
        ErrorType = errorType;
    }

    /// <summary>The error type to report.</summary>
    public string ErrorType { get; }
}

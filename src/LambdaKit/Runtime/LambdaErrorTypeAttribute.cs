namespace LambdaKit;

/// <summary>
/// Sets the <c>errorType</c> reported to Lambda for an exception class, so that Step Functions
/// <c>Retry</c>/<c>Catch</c> rules and callers can match on it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class LambdaErrorTypeAttribute : Attribute
{
    /// <summary>Sets the error type of an exception class.</summary>
    /// <param name="errorType">The <c>errorType</c> to report, for example <c>OrderNotFound</c>; must not be empty.</param>
    public LambdaErrorTypeAttribute(string errorType)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorType);
        ErrorType = errorType;
    }

    /// <summary>The <c>errorType</c> reported for exceptions of the class and of classes derived from it, unless they implement <see cref="ILambdaErrorType"/>.</summary>
    public string ErrorType { get; }
}

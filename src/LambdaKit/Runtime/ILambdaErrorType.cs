namespace LambdaKit;

/// <summary>
/// Implemented by an exception that chooses the <c>errorType</c> reported to Lambda, so that Step Functions
/// <c>Retry</c>/<c>Catch</c> rules and callers can match on it.
/// </summary>
public interface ILambdaErrorType
{
    /// <summary>The error type to report, for example <c>OrderRejected</c>.</summary>
    string ErrorType { get; }
}

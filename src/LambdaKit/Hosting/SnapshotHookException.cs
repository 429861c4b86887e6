namespace LambdaKit.Hosting;

/// <summary>A SnapStart hook failed; <see cref="ErrorType"/> is the type Lambda expects for the phase it failed in.</summary>
internal sealed class SnapshotHookException(string errorType, string message, Exception innerException)
    : Exception(message, innerException), ILambdaErrorType
{
    /// <summary>The error type of a failure before the snapshot, posted to <c>/init/error</c>.</summary>
    public const string BeforeSnapshotErrorType = "Runtime.BeforeSnapshotError";

    /// <summary>The error type of a failure after the restore, posted to <c>/restore/error</c>.</summary>
    public const string AfterRestoreErrorType = "Runtime.AfterRestoreError";

    public string ErrorType { get; } = errorType;
}

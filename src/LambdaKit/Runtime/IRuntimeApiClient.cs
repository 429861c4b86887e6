namespace LambdaKit.Runtime;

/// <summary>
/// The source of invocations and the sink of their results: the Lambda Runtime API.
/// The loop depends on this interface only, so that it can be driven from a test.
/// </summary>
internal interface IRuntimeApiClient
{
    /// <summary><c>GET /runtime/invocation/next</c>: waits, without a client timeout, for the next invocation.</summary>
    /// <param name="cancellationToken">Cancels the wait (shutdown).</param>
    /// <returns>The invocation; the caller disposes it.</returns>
    ValueTask<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{requestId}/response</c>.</summary>
    /// <param name="requestId">The invocation id.</param>
    /// <param name="payload">The response body.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Lambda accepted the response.</returns>
    /// <exception cref="RuntimeApiException">Lambda refused the response, for example with 413 when it is over the payload limit.</exception>
    ValueTask SendResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{requestId}/error</c>.</summary>
    /// <param name="requestId">The invocation id.</param>
    /// <param name="report">The error report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Lambda accepted the report.</returns>
    ValueTask SendErrorAsync(string requestId, LambdaError report, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/init/error</c>: start-up failed before the first invocation.</summary>
    /// <param name="report">The error report.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Lambda accepted the report.</returns>
    ValueTask SendInitErrorAsync(LambdaError report, CancellationToken cancellationToken);

    /// <summary>
    /// Registers an internal extension (<c>POST /2020-01-01/extension/register</c>) so that Lambda sends SIGTERM
    /// before it shuts the execution environment down.
    /// </summary>
    /// <param name="name">The extension name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the extension is registered.</returns>
    ValueTask RegisterInternalExtensionAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /runtime/restore/next</c> (SnapStart): called once init is done and the before-snapshot hooks ran; returns
    /// when the snapshot has been restored, possibly much later and in another copy of the execution environment.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait (shutdown).</param>
    /// <returns>A task that completes after the restore.</returns>
    /// <exception cref="RuntimeApiException">The Runtime API answered with an error status.</exception>
    ValueTask WaitForRestoreAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/restore/error</c> (SnapStart): an after-restore hook failed.</summary>
    /// <param name="report">The error report, of type <c>Runtime.AfterRestoreError</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Lambda accepted the report.</returns>
    ValueTask SendRestoreErrorAsync(LambdaError report, CancellationToken cancellationToken);
}

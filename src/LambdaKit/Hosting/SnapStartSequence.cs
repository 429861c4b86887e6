using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Hosting;

/// <summary>
/// The end of the init phase under SnapStart: before-snapshot hooks, <c>restore/next</c>, after-restore hooks
/// (<see cref="ILambdaSnapshotHook"/>). Runs only when <c>AWS_LAMBDA_INITIALIZATION_TYPE</c> is <c>snap-start</c>.
/// </summary>
internal static class SnapStartSequence
{
    public const string InitializationType = "snap-start";

    /// <summary>Runs the before-snapshot hooks; a failure is thrown as a <see cref="SnapshotHookException"/> of type <c>Runtime.BeforeSnapshotError</c>.</summary>
    public static async Task BeforeSnapshotAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var hook in services.GetServices<ILambdaSnapshotHook>())
        {
            try
            {
                await hook.BeforeSnapshotAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new SnapshotHookException(
                    SnapshotHookException.BeforeSnapshotErrorType, $"The before-snapshot hook {hook.GetType().Name} failed: {exception.Message}", exception);
            }
        }
    }

    /// <summary>Runs the after-restore hooks in reverse order; a failure is thrown as a <see cref="SnapshotHookException"/> of type <c>Runtime.AfterRestoreError</c>.</summary>
    public static async Task AfterRestoreAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var hook in services.GetServices<ILambdaSnapshotHook>().Reverse())
        {
            try
            {
                await hook.AfterRestoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new SnapshotHookException(
                    SnapshotHookException.AfterRestoreErrorType, $"The after-restore hook {hook.GetType().Name} failed: {exception.Message}", exception);
            }
        }
    }
}

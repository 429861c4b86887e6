namespace LambdaKit;

/// <summary>
/// Work around a Lambda SnapStart snapshot, registered with <c>services.AddSnapshotHook&lt;THook&gt;()</c>. Runs only when
/// <c>AWS_LAMBDA_INITIALIZATION_TYPE</c> is <c>snap-start</c>: after the init phase (<see cref="ILambdaInitializer"/>s) every
/// hook's <see cref="BeforeSnapshotAsync"/> runs in registration order, the snapshot is taken, and once it has been
/// restored every hook's <see cref="AfterRestoreAsync"/> runs in reverse order, before the first invocation.
/// </summary>
/// <remarks>
/// Every restored copy of the environment shares what the snapshot held: refresh connections, cached credentials, random
/// seeds and unique ids in <see cref="AfterRestoreAsync"/>. A before-snapshot failure is posted to <c>/init/error</c> as
/// <c>Runtime.BeforeSnapshotError</c>; an after-restore failure to <c>/restore/error</c> as <c>Runtime.AfterRestoreError</c>,
/// and the process exits with <see cref="LambdaApplication.InitFailedExitCode"/>. Hooks are resolved from the root services.
/// </remarks>
public interface ILambdaSnapshotHook
{
    /// <summary>Runs before the snapshot: prime caches, close what must not be shared by restored copies.</summary>
    /// <param name="cancellationToken">Fires when the function is asked to stop.</param>
    /// <returns>A task that completes when the hook is done.</returns>
    ValueTask BeforeSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>Runs after the restore, before the first invocation: reopen connections, reseed, refresh credentials.</summary>
    /// <param name="cancellationToken">Fires when the function is asked to stop.</param>
    /// <returns>A task that completes when the hook is done.</returns>
    ValueTask AfterRestoreAsync(CancellationToken cancellationToken);
}

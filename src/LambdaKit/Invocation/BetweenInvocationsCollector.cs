namespace LambdaKit.Invocation;

/// <summary>
/// Runs a generation-0 garbage collection between two invocations (after the answer was posted, before the next
/// <c>next</c>) once the process allocated <see cref="Threshold"/> bytes since the last collection, of its own or the
/// runtime's. Between invocations almost nothing is alive, so the collection is short and promotes nothing the next
/// invocation still uses; without it the runtime sizes generation 0 from the CPU cache (over 50 MB on hosts with a large
/// L3) and a warm function's resident memory grows by everything it allocated until then.
/// </summary>
internal sealed class BetweenInvocationsCollector
{
    private readonly Func<long> _allocatedBytes;
    private readonly Func<int> _collectionCount;
    private readonly Action _collect;
    private long _allocatedAtLastCollection;
    private int _collectionsSeen;

    /// <param name="threshold">Bytes allocated since the last collection that make the next check collect; positive.</param>
    /// <param name="allocatedBytes">Bytes the process allocated so far (<see cref="GC.GetTotalAllocatedBytes"/>).</param>
    /// <param name="collectionCount">Generation-0 collections so far (<see cref="GC.CollectionCount"/> of 0), the runtime's included.</param>
    /// <param name="collect">Runs the collection.</param>
    public BetweenInvocationsCollector(long threshold, Func<long> allocatedBytes, Func<int> collectionCount, Action collect)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        Threshold = threshold;
        _allocatedBytes = allocatedBytes;
        _collectionCount = collectionCount;
        _collect = collect;
        _allocatedAtLastCollection = allocatedBytes();
        _collectionsSeen = collectionCount();
    }

    /// <summary>Bytes allocated since the last collection that make <see cref="CollectIfDue"/> collect.</summary>
    public long Threshold { get; }

    /// <summary>The collector the loop uses: the process's GC, or <see langword="null"/> when <paramref name="threshold"/> is.</summary>
    public static BetweenInvocationsCollector? ForProcess(long? threshold)
        => threshold is { } bytes
            ? new BetweenInvocationsCollector(
                bytes,
                static () => GC.GetTotalAllocatedBytes(),
                static () => GC.CollectionCount(0),
                static () => GC.Collect(0, GCCollectionMode.Forced, blocking: true))
            : null;

    /// <summary>
    /// Collects when <see cref="Threshold"/> bytes were allocated since the last collection; a collection the runtime ran
    /// meanwhile counts as the last one. Returns whether it collected.
    /// </summary>
    public bool CollectIfDue()
    {
        var allocated = _allocatedBytes();
        var collections = _collectionCount();
        if (collections != _collectionsSeen)
        {
            // The runtime collected since the last check: count from here.
            _collectionsSeen = collections;
            _allocatedAtLastCollection = allocated;
            return false;
        }

        if (allocated - _allocatedAtLastCollection < Threshold)
        {
            return false;
        }

        _collect();
        _allocatedAtLastCollection = _allocatedBytes();
        _collectionsSeen = _collectionCount();
        return true;
    }
}

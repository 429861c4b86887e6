using LambdaKit.Context;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Batching;

/// <summary>
/// Runs the records of one batch through a handler and decides each record's <see cref="RecordOutcome"/>: the order
/// semantics of the source, the deadline cut-off, optional concurrency for SQS. No allocation per record when the handler
/// completes synchronously; nothing is thrown on a record's failure.
/// </summary>
internal sealed class BatchRunner<TEvent, TRecord>
    where TRecord : class
{
    private readonly BatchSource<TEvent, TRecord> _source;
    private readonly TimeSpan _startThreshold;
    private readonly int _parallelism;
    private readonly ILogger _logger;

    public BatchRunner(BatchSource<TEvent, TRecord> source, BatchOptions options, TimeSpan cancellationMargin, ILogger logger)
    {
        _source = source;
        _startThreshold = cancellationMargin + options.RecordTimeEstimate;
        _parallelism = source.Kind is Events.EventSourceKind.Sqs or Events.EventSourceKind.KinesisFirehose ? options.MaxDegreeOfParallelism : 1;
        _logger = logger;
    }

    /// <summary>Fills <paramref name="outcomes"/> (at least one per record, initially <see cref="RecordOutcome.Pending"/>).</summary>
    public ValueTask RunAsync(IList<TRecord> records, BatchRecordHandler<TRecord> handler, InvocationContext context, RecordOutcome[] outcomes)
    {
        var ordering = _source.OrderingOf(records);
        return _parallelism > 1 && ordering != BatchOrdering.Ordered && records.Count > 1
            ? new ConcurrentBatch(this, records, handler, context, outcomes, ordering).RunAsync()
            : RunInOrderAsync(records, handler, context, outcomes, ordering);
    }

    /// <summary>One record after the other, in batch order.</summary>
    private async ValueTask RunInOrderAsync(IList<TRecord> records, BatchRecordHandler<TRecord> handler, InvocationContext context, RecordOutcome[] outcomes, BatchOrdering ordering)
    {
        var token = context.CancellationToken;

        // The lanes of this path: the whole batch when it is ordered, a message group when it is grouped, a record otherwise.
        var batchFailed = false;
        HashSet<string>? failedGroups = null;
        var outOfTime = false;
        var count = records.Count;
        for (var i = 0; i < count; i++)
        {
            var record = records[i];
            var group = ordering == BatchOrdering.Grouped && !batchFailed ? _source.GroupOf(record) : null;
            var laneFailed = batchFailed || (group is not null && failedGroups is not null && failedGroups.Contains(group));
            if (OutcomeWithoutRunning(laneFailed, ref outOfTime, context, token) is { } early)
            {
                outcomes[i] = early;
                continue;
            }

            var outcome = await RunRecordAsync(handler, record, context, token).ConfigureAwait(false);
            outcomes[i] = outcome;
            if (FailsLane(outcome, ref outOfTime))
            {
                if (ordering == BatchOrdering.Ordered)
                {
                    batchFailed = true;
                }
                else if (group is not null)
                {
                    (failedGroups ??= new HashSet<string>(StringComparer.Ordinal)).Add(group);
                }
            }
        }
    }

    /// <summary>
    /// The rules before a record runs, on both paths: a record whose lane (the ordered batch, its message group) already
    /// failed is <see cref="RecordOutcome.Skipped"/>; a record that has no time left to start (or whose token fired) is
    /// <see cref="RecordOutcome.NotStarted"/>, and so is every later one (<paramref name="outOfTime"/> stays set).
    /// Null when the record is to run.
    /// </summary>
    private RecordOutcome? OutcomeWithoutRunning(bool laneFailed, ref bool outOfTime, InvocationContext context, CancellationToken token)
    {
        if (laneFailed)
        {
            return RecordOutcome.Skipped;
        }

        if (outOfTime || !HasTimeToStart(context, token))
        {
            outOfTime = true;
            return RecordOutcome.NotStarted;
        }

        return null;
    }

    /// <summary>
    /// The rule after a record ran, on both paths: whether its outcome fails its lane. A cancelled record does not: the token
    /// fired, nothing else starts (<paramref name="outOfTime"/> is set) and what is left counts as unfinished, not as skipped
    /// after a failure.
    /// </summary>
    private static bool FailsLane(RecordOutcome outcome, ref bool outOfTime)
    {
        if (outcome == RecordOutcome.Cancelled)
        {
            outOfTime = true;
            return false;
        }

        return outcome != RecordOutcome.Succeeded;
    }

    private bool HasTimeToStart(InvocationContext context, CancellationToken token)
        => !token.IsCancellationRequested && context.RemainingTime >= _startThreshold;

    /// <summary>Runs one record; completes synchronously (without allocating) when the handler does.</summary>
    private ValueTask<RecordOutcome> RunRecordAsync(BatchRecordHandler<TRecord> handler, TRecord record, InvocationContext context, CancellationToken token)
    {
        ValueTask pending;
        try
        {
            pending = handler.HandleRecordAsync(record, context, token);
        }
        catch (Exception exception)
        {
            return new ValueTask<RecordOutcome>(Failed(record, exception, token));
        }

        if (pending.IsCompletedSuccessfully)
        {
            pending.GetAwaiter().GetResult();
            return new ValueTask<RecordOutcome>(RecordOutcome.Succeeded);
        }

        return AwaitRecordAsync(pending, record, context, token);
    }

    private async ValueTask<RecordOutcome> AwaitRecordAsync(ValueTask pending, TRecord record, InvocationContext context, CancellationToken token)
    {
        if (pending.IsFaulted && pending.AsTask().Exception?.InnerException is { } fault)
        {
            // A payload that could not be read (or a handler that returned a faulted task): no need to throw it again.
            return Failed(record, fault, token);
        }

        Task? running = null;
        try
        {
            if (token.CanBeCanceled && !pending.IsCompleted)
            {
                // A handler that ignores its token is abandoned when the token fires, so that the batch still answers in time;
                // its record is reported (it may run again: handlers must be idempotent, as Lambda's delivery is at least once).
                running = pending.AsTask();
                await running.WaitAsync(token).ConfigureAwait(false);
            }
            else
            {
                await pending.ConfigureAwait(false);
            }

            return RecordOutcome.Succeeded;
        }
        catch (Exception exception)
        {
            if (running is { IsCompleted: false })
            {
                // The loop observes it and keeps the invocation's DI scope alive until it finished.
                context.Abandon(running);
            }

            return Failed(record, exception, token);
        }
    }

    private RecordOutcome Failed(TRecord record, Exception exception, CancellationToken token)
    {
        var cancelled = exception is OperationCanceledException && token.IsCancellationRequested;
        var id = _source.IdOf(record);
        if (cancelled)
        {
            BatchLog.RecordCancelled(_logger, _source.Name, id);
        }
        else
        {
            BatchLog.RecordFailed(_logger, exception, _source.Name, id, exception.Message);
        }

        return cancelled ? RecordOutcome.Cancelled : RecordOutcome.Failed;
    }

    /// <summary>
    /// SQS with <see cref="BatchOptions.MaxDegreeOfParallelism"/> above one: workers take lanes (a record of a standard queue,
    /// a message group of a FIFO queue) until none is left; a lane's records run in order and a failure stops its group.
    /// </summary>
    private sealed class ConcurrentBatch
    {
        private readonly BatchRunner<TEvent, TRecord> _runner;
        private readonly IList<TRecord> _records;
        private readonly BatchRecordHandler<TRecord> _handler;
        private readonly InvocationContext _context;
        private readonly RecordOutcome[] _outcomes;
        private readonly int[]? _order;
        private readonly int[]? _laneStarts;
        private readonly int _lanes;
        private int _next = -1;

        public ConcurrentBatch(BatchRunner<TEvent, TRecord> runner, IList<TRecord> records, BatchRecordHandler<TRecord> handler, InvocationContext context, RecordOutcome[] outcomes, BatchOrdering ordering)
        {
            _runner = runner;
            _records = records;
            _handler = handler;
            _context = context;
            _outcomes = outcomes;
            var count = records.Count;
            if (ordering == BatchOrdering.Grouped)
            {
                (_order, _laneStarts) = Group(runner._source, records, count);
                _lanes = _laneStarts.Length - 1;
            }
            else
            {
                _lanes = count;
            }
        }

        public async ValueTask RunAsync()
        {
            var workers = new Task[Math.Min(_runner._parallelism, _lanes)];
            for (var i = 0; i < workers.Length; i++)
            {
                workers[i] = Task.Run(WorkAsync);
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        private async Task WorkAsync()
        {
            var token = _context.CancellationToken;
            int lane;
            while ((lane = Interlocked.Increment(ref _next)) < _lanes)
            {
                var (start, end) = _laneStarts is null ? (lane, lane + 1) : (_laneStarts[lane], _laneStarts[lane + 1]);
                var failed = false;
                var outOfTime = false;
                for (var position = start; position < end; position++)
                {
                    var index = _order is null ? position : _order[position];
                    if (_runner.OutcomeWithoutRunning(failed, ref outOfTime, _context, token) is { } early)
                    {
                        _outcomes[index] = early;
                        continue;
                    }

                    var outcome = await _runner.RunRecordAsync(_handler, _records[index], _context, token).ConfigureAwait(false);
                    _outcomes[index] = outcome;
                    failed = FailsLane(outcome, ref outOfTime);
                }
            }
        }

        /// <summary>Record indices ordered by group (groups in order of first appearance, records in batch order), and where each group starts.</summary>
        private static (int[] Order, int[] LaneStarts) Group(BatchSource<TEvent, TRecord> source, IList<TRecord> records, int count)
        {
            var groups = new Dictionary<string, int>(StringComparer.Ordinal);
            var laneOf = new int[count];
            var sizes = new List<int>();
            for (var i = 0; i < count; i++)
            {
                var group = source.GroupOf(records[i]);
                if (!groups.TryGetValue(group, out var lane))
                {
                    lane = groups.Count;
                    groups.Add(group, lane);
                    sizes.Add(0);
                }

                laneOf[i] = lane;
                sizes[lane]++;
            }

            var starts = new int[sizes.Count + 1];
            for (var lane = 0; lane < sizes.Count; lane++)
            {
                starts[lane + 1] = starts[lane] + sizes[lane];
            }

            var order = new int[count];
            var filled = new int[sizes.Count];
            for (var i = 0; i < count; i++)
            {
                var lane = laneOf[i];
                order[starts[lane] + filled[lane]++] = i;
            }

            return (order, starts);
        }
    }
}

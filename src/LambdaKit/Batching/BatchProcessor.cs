using System.Buffers;
using System.Text.Json.Serialization.Metadata;
using LambdaKit.Context;
using LambdaKit.Serialization;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Batching;

/// <summary>
/// The invocation delegate of a batch handler: reads the event, checks that every record can be reported, runs the batch,
/// writes the partial batch response, logs one line and tells the loop how many records the deadline left unfinished.
/// </summary>
internal sealed class BatchProcessor<TEvent, TRecord>
    where TRecord : class
{
    private readonly BatchSource<TEvent, TRecord> _source;
    private readonly JsonTypeInfo<TEvent> _event;
    private readonly JsonMetadata _json;
    private readonly BatchRunner<TEvent, TRecord> _runner;
    private readonly ILogger _logger;
    private readonly Func<IServiceProvider, BatchRecordHandler<TRecord>> _handlerOf;

    public BatchProcessor(BatchSource<TEvent, TRecord> source, JsonMetadata json, BatchOptions options, TimeSpan cancellationMargin, ILogger logger, Func<IServiceProvider, BatchRecordHandler<TRecord>> handlerOf)
    {
        _handlerOf = handlerOf;
        _source = source;
        _json = json;
        _event = source.EventTypeInfo;
        _logger = logger;
        _runner = new BatchRunner<TEvent, TRecord>(source, options, cancellationMargin, logger);
    }

    /// <summary>Runs the batch of <paramref name="context"/>; the outcome counts the records processed and those left unfinished.</summary>
    public ValueTask<InvocationOutcome> InvokeAsync(InvocationContext context)
    {
        var records = _source.RecordsOf(LambdaJson.Deserialize(context.Payload.Span, _event));
        _source.EnsureIdentifiers(records);
        var handler = _handlerOf(context.Services);
        handler.Bind(_json);
        var outcomes = ArrayPool<RecordOutcome>.Shared.Rent(records.Count);
        Array.Clear(outcomes, 0, records.Count);
        ValueTask running;
        try
        {
            running = _runner.RunAsync(records, handler, context, outcomes);
        }
        catch
        {
            ArrayPool<RecordOutcome>.Shared.Return(outcomes);
            throw;
        }

        if (running.IsCompletedSuccessfully)
        {
            running.GetAwaiter().GetResult();
            return ValueTask.FromResult(Complete(context, records, outcomes));
        }

        return CompleteAsync(running, context, records, outcomes);
    }

    private async ValueTask<InvocationOutcome> CompleteAsync(ValueTask running, InvocationContext context, IList<TRecord> records, RecordOutcome[] outcomes)
    {
        try
        {
            await running.ConfigureAwait(false);
        }
        catch
        {
            ArrayPool<RecordOutcome>.Shared.Return(outcomes);
            throw;
        }

        return Complete(context, records, outcomes);
    }

    private InvocationOutcome Complete(InvocationContext context, IList<TRecord> records, RecordOutcome[] outcomes)
    {
        try
        {
            var decided = outcomes.AsSpan(0, records.Count);
            var counts = BatchCounts.Of(decided);
            _source.WriteResponse(context.Output, records, decided, counts.Reported);
            BatchLog.Summary(_logger, _source.Name, counts.Total, counts.Succeeded, counts.Failed + counts.Cancelled,
                counts.Skipped + counts.NotStarted, counts.Reported, counts.Unfinished);
            return new InvocationOutcome
            {
                RecordsProcessed = counts.Succeeded + counts.Failed + counts.Cancelled,
                UnfinishedWork = counts.Unfinished > 0 ? counts.Unfinished : null,
            };
        }
        finally
        {
            ArrayPool<RecordOutcome>.Shared.Return(outcomes);
        }
    }
}

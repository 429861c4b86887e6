using System.Globalization;
using LambdaKit.Events;
using static LambdaKit.Tests.Batching.BatchEvents;

namespace LambdaKit.Tests.Batching;

/// <summary>
/// Thousands of generated batches (sizes, failures, poison payloads, slow records, margins, estimates, deadlines) for every
/// source. Every batch must split into records that succeeded and records that were reported, with nothing lost, nothing
/// handled twice, the order of streams and FIFO groups kept, and exactly the outcome a reference model predicts.
/// </summary>
public sealed class BatchPropertyTests
{
    public enum Mode
    {
        Kinesis,
        DynamoDb,
        SqsStandard,
        SqsFifo,
        SqsStandardParallel,
        SqsFifoParallel,
    }

    private enum Behaviour
    {
        Ok,
        Fail,
        Poison,
        NullPayload,
    }

    private sealed record GeneratedRecord(string Id, Behaviour Behaviour, int AdvanceMs, string? Group);

    private sealed record GeneratedBatch(IReadOnlyList<GeneratedRecord> Records, int MarginMs, int EstimateMs, int TimeoutMs, int Parallelism);

    [Theory]
    [InlineData(Mode.Kinesis, 1_000)]
    [InlineData(Mode.DynamoDb, 600)]
    [InlineData(Mode.SqsStandard, 1_000)]
    [InlineData(Mode.SqsFifo, 1_000)]
    [InlineData(Mode.SqsStandardParallel, 400)]
    [InlineData(Mode.SqsFifoParallel, 400)]
    public async Task Succeeded_and_reported_records_partition_every_generated_batch(Mode mode, int batches)
    {
        for (var iteration = 0; iteration < batches; iteration++)
        {
            var seed = (((int)mode + 1) * 1_000_003) + iteration;
            var batch = Generate(new Random(seed), mode);
            try
            {
                await CheckAsync(mode, batch);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                throw new InvalidOperationException($"{mode}, seed {seed}: {Describe(batch)}{Environment.NewLine}{failure.Message}", failure);
            }
        }
    }

    private static GeneratedBatch Generate(Random random, Mode mode)
    {
        var parallel = mode is Mode.SqsStandardParallel or Mode.SqsFifoParallel;
        var grouped = mode is Mode.SqsFifo or Mode.SqsFifoParallel;
        var size = random.Next(10) == 0 ? random.Next(1, 101) : random.Next(1, 16);
        var failRate = random.NextDouble() * 0.4;
        var poisonRate = random.NextDouble() * 0.2;
        var groups = random.Next(1, 5);
        var records = new List<GeneratedRecord>(size);
        for (var i = 0; i < size; i++)
        {
            var roll = random.NextDouble();
            var behaviour = roll < poisonRate ? (random.Next(4) == 0 ? Behaviour.NullPayload : Behaviour.Poison)
                : roll < poisonRate + failRate ? Behaviour.Fail
                : Behaviour.Ok;
            var advance = parallel || random.Next(3) == 0 ? 0 : random.Next(0, 250);
            records.Add(new GeneratedRecord(
                (1_000 + i).ToString(CultureInfo.InvariantCulture),
                behaviour,
                advance,
                grouped ? "g" + random.Next(groups) : null));
        }

        var margin = random.Next(4) == 0 ? 0 : random.Next(0, 600);
        var estimate = random.Next(3) == 0 ? random.Next(0, 400) : 0;
        var timeout = parallel
            ? (random.Next(5) == 0 ? random.Next(0, margin + 1) : 60_000)
            : random.Next(3) == 0 ? 60_000 : random.Next(0, 4_000);
        return new GeneratedBatch(records, margin, estimate, timeout, parallel ? random.Next(2, 6) : 1);
    }

    private static async Task CheckAsync(Mode mode, GeneratedBatch batch)
    {
        await using var function = BatchHarness.Create(
            o =>
            {
                o.MaxDegreeOfParallelism = batch.Parallelism;
                o.RecordTimeEstimate = TimeSpan.FromMilliseconds(batch.EstimateMs);
            },
            margin: TimeSpan.FromMilliseconds(batch.MarginMs));
        var source = mode switch
        {
            Mode.Kinesis => EventSourceKind.Kinesis,
            Mode.DynamoDb => EventSourceKind.DynamoDb,
            _ => EventSourceKind.Sqs,
        };
        var records = batch.Records.Select(r => new TestRecord(r.Id, r.Behaviour switch
        {
            Behaviour.Poison => "{\"id\":",
            Behaviour.NullPayload => "null",
            _ => Payload(r.Id, fail: r.Behaviour == Behaviour.Fail, advanceMs: r.AdvanceMs),
        }, r.Group)).ToList();

        var run = await function.InvokeAsync(For(source, records, fifo: mode is Mode.SqsFifo or Mode.SqsFifoParallel), TimeSpan.FromMilliseconds(batch.TimeoutMs));

        var all = batch.Records.Select(r => r.Id).ToList();
        var reported = run.Reported;
        var succeeded = function.Probe.Succeeded.ToList();
        var started = function.Probe.Started.ToList();

        // Identifiers: known, never empty, never twice.
        Assert.All(reported, id => Assert.Contains(id, all));
        Assert.Equal(reported.Count, reported.Distinct().Count());
        Assert.Equal(started.Count, started.Distinct().Count());

        // The partition: succeeded ∪ reported = the batch, succeeded ∩ reported = ∅.
        Assert.Empty(succeeded.Intersect(reported));
        Assert.Equal(all.Order(StringComparer.Ordinal), succeeded.Concat(reported).Order(StringComparer.Ordinal));

        // Order: for a stream, nothing after a reported record succeeded; for FIFO, the same within each group.
        if (mode is Mode.Kinesis or Mode.DynamoDb)
        {
            AssertSuffix(all, reported);
        }
        else if (mode is Mode.SqsFifo or Mode.SqsFifoParallel)
        {
            foreach (var group in batch.Records.GroupBy(r => r.Group))
            {
                var ids = group.Select(r => r.Id).ToList();
                AssertSuffix(ids, reported.Where(ids.Contains).ToList());
            }
        }

        // Exactly what the reference model predicts, including the count the loop logs as unfinished.
        var (expectedReported, expectedUnfinished) = Model(mode, batch);
        Assert.Equal(expectedReported, reported);
        Assert.Equal(expectedUnfinished == 0 ? null : expectedUnfinished, run.UnfinishedWork);
    }

    private static void AssertSuffix(IReadOnlyList<string> ordered, IReadOnlyList<string> reported)
    {
        var set = reported.ToHashSet();
        var first = ordered.ToList().FindIndex(set.Contains);
        var expected = first < 0 ? [] : ordered.Skip(first).ToList();
        Assert.Equal(expected, ordered.Where(set.Contains).ToList());
    }

    /// <summary>The semantics, restated as plainly as possible: one record after the other, on a clock the records move.</summary>
    private static (List<string> Reported, int Unfinished) Model(Mode mode, GeneratedBatch batch)
    {
        var ordered = mode is Mode.Kinesis or Mode.DynamoDb;
        var grouped = mode is Mode.SqsFifo or Mode.SqsFifoParallel;
        long now = 0;
        long deadline = batch.TimeoutMs;
        bool TokenFired() => now >= deadline - batch.MarginMs;
        var failedGroups = new HashSet<string?>();
        var stopped = false;
        var outOfTime = false;
        var unfinished = 0;
        var reported = new List<string>();
        foreach (var record in batch.Records)
        {
            if (stopped || (grouped && failedGroups.Contains(record.Group)))
            {
                reported.Add(record.Id);
                continue;
            }

            if (outOfTime || TokenFired() || Math.Max(0, deadline - now) < batch.MarginMs + batch.EstimateMs)
            {
                outOfTime = true;
                unfinished++;
                reported.Add(record.Id);
                continue;
            }

            var failed = record.Behaviour is Behaviour.Poison or Behaviour.NullPayload;
            if (!failed)
            {
                now += record.AdvanceMs;
                if (TokenFired())
                {
                    outOfTime = true;
                    unfinished++;
                    reported.Add(record.Id);
                    continue;
                }

                failed = record.Behaviour == Behaviour.Fail;
            }

            if (failed)
            {
                reported.Add(record.Id);
                stopped = ordered;
                failedGroups.Add(grouped ? record.Group : null);
                if (!grouped)
                {
                    failedGroups.Clear();
                }
            }
        }

        return (reported, unfinished);
    }

    private static string Describe(GeneratedBatch batch)
        => $"margin {batch.MarginMs} ms, estimate {batch.EstimateMs} ms, timeout {batch.TimeoutMs} ms, parallelism {batch.Parallelism}, records " +
           string.Join(", ", batch.Records.Select(r => $"{r.Id}:{r.Behaviour}/{r.AdvanceMs}ms{(r.Group is null ? string.Empty : "/" + r.Group)}"));
}

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaKit.Events.AppSync;
using LambdaKit.Events.CloudWatchLogs;
using LambdaKit.Events.Config;
using LambdaKit.Events.Kafka;
using LambdaKit.Events.KinesisFirehose;
using LambdaKit.Events.MQ;
using LambdaKit.Tests.TestHelpers;

namespace LambdaKit.Tests.Sources;

internal sealed record BookArguments(string Id, bool WithReviews);

internal sealed record RawInput(string? Name);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AppSyncResolverEvent<BookArguments>))]
[JsonSerializable(typeof(RawInput))]
[JsonSerializable(typeof(string))]
internal sealed partial class SourceTestJsonContext : JsonSerializerContext;

/// <summary>What the handlers of a test function saw, in order.</summary>
internal sealed class SourceProbe
{
    public ConcurrentQueue<string> Seen { get; } = new();
}

/// <summary>
/// Firehose: <c>drop</c> → Dropped, <c>fail</c> → ProcessingFailed, <c>throw</c> throws, <c>default</c> returns the default
/// result, <c>slow</c> moves the clock 300 ms (then honours its token), <c>keys</c> adds partition keys; anything else is
/// upper-cased.
/// </summary>
internal sealed class UpperCaseFirehoseHandler(SourceProbe probe, TimeProvider time) : KinesisFirehoseRecordHandler
{
    protected override async ValueTask<KinesisFirehoseRecordResult> HandleAsync(KinesisFirehoseEvent.FirehoseRecord record, ILambdaContext context, CancellationToken cancellationToken)
    {
        var data = record.DecodeData();
        probe.Seen.Enqueue(record.RecordId!);
        switch (data)
        {
            case "drop":
                return KinesisFirehoseRecordResult.Dropped;
            case "fail":
                return KinesisFirehoseRecordResult.ProcessingFailed;
            case "throw":
                throw new InvalidOperationException("cannot transform");
            case "default":
                return default;
            case "keys":
                return KinesisFirehoseRecordResult.Ok("K", new Dictionary<string, string> { ["year"] = "2026" });
            case "slow":
                ((ManualTimeProvider)time).Advance(TimeSpan.FromMilliseconds(300));
                cancellationToken.ThrowIfCancellationRequested();
                return KinesisFirehoseRecordResult.Ok("SLOW");
            case "yield":
                await Task.Yield();
                return KinesisFirehoseRecordResult.Ok("YIELDED " + record.RecordId);
            default:
                return KinesisFirehoseRecordResult.Ok(data.ToUpperInvariant());
        }
    }
}

internal sealed class ProbeKafkaHandler(SourceProbe probe) : KafkaHandler
{
    protected override ValueTask HandleRecordAsync(KafkaEvent.KafkaEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
    {
        probe.Seen.Enqueue($"kafka {record.Topic}/{record.Partition}@{record.Offset}: {record.DecodeValueText()}");
        return ValueTask.CompletedTask;
    }
}

internal sealed class ProbeActiveMQHandler(SourceProbe probe) : ActiveMQHandler
{
    protected override ValueTask HandleMessageAsync(ActiveMQEvent.ActiveMQMessage message, ILambdaContext context, CancellationToken cancellationToken)
    {
        probe.Seen.Enqueue("activemq " + message.DecodeData());
        return ValueTask.CompletedTask;
    }
}

internal sealed class ProbeRabbitMQHandler(SourceProbe probe) : RabbitMQHandler
{
    protected override ValueTask HandleMessageAsync(string queue, RabbitMQEvent.RabbitMQMessage message, ILambdaContext context, CancellationToken cancellationToken)
    {
        probe.Seen.Enqueue($"rabbitmq {queue}: {message.DecodeData()}");
        return ValueTask.CompletedTask;
    }
}

internal sealed class ProbeCloudWatchLogsHandler(SourceProbe probe) : CloudWatchLogsHandler
{
    protected override ValueTask HandleLogsAsync(CloudWatchLogsData logs, ILambdaContext context, CancellationToken cancellationToken)
    {
        foreach (var logEvent in logs.LogEvents)
        {
            probe.Seen.Enqueue($"logs {logs.LogGroup}: {logEvent.Message}");
        }

        return ValueTask.CompletedTask;
    }
}

internal sealed class BookResolver(SourceProbe probe) : ILambdaHandler<AppSyncResolverEvent<BookArguments>, string>
{
    public ValueTask<string> HandleAsync(AppSyncResolverEvent<BookArguments> input, ILambdaContext context, CancellationToken cancellationToken)
    {
        probe.Seen.Enqueue($"appsync {input.Info!.FieldName}({input.Arguments!.Id}, {input.Arguments.WithReviews})");
        return ValueTask.FromResult("book " + input.Arguments.Id);
    }
}

internal sealed class ConfigRuleHandler(SourceProbe probe) : ILambdaHandler<ConfigEvent>
{
    public ValueTask HandleAsync(ConfigEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        using var invoking = JsonDocument.Parse(input.InvokingEvent!);
        probe.Seen.Enqueue("config " + invoking.RootElement.GetProperty("messageType").GetString());
        return ValueTask.CompletedTask;
    }
}

internal sealed class RawProbeHandler(SourceProbe probe) : ILambdaHandler<RawInput>
{
    public ValueTask HandleAsync(RawInput input, ILambdaContext context, CancellationToken cancellationToken)
    {
        probe.Seen.Enqueue("raw");
        return ValueTask.CompletedTask;
    }
}

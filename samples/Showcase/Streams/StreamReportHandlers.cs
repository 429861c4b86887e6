using LambdaKit;
using LambdaKit.Events.CloudWatchLogs;
using LambdaKit.Events.Kafka;
using LambdaKit.Events.MQ;

namespace Showcase.Streams;

/// <summary>Lists the messages of a CloudWatch Logs subscription delivery.</summary>
internal sealed class CloudWatchLogsReportHandler : ILambdaHandler<CloudWatchLogsEvent, LogsReport>
{
    public ValueTask<LogsReport> HandleAsync(CloudWatchLogsEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        var logs = (input.Awslogs ?? throw new InvalidDataException("The event has no awslogs member.")).Decode();
        return ValueTask.FromResult(new LogsReport("cloudwatch-logs", logs.LogGroup, logs.LogStream, [.. logs.LogEvents.Select(e => e.Message)]));
    }
}

/// <summary>Lists the records of a Kafka batch, in the order received.</summary>
internal sealed class KafkaReportHandler : ILambdaHandler<KafkaEvent, KafkaReport>
{
    public ValueTask<KafkaReport> HandleAsync(KafkaEvent input, ILambdaContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult(new KafkaReport(
            "kafka",
            [.. input.AllRecords().Select(r => new KafkaRecordSeen(r.Topic, r.Partition, r.Offset, r.DecodeValueText()))]));
}

/// <summary>Lists the messages of an ActiveMQ batch.</summary>
internal sealed class ActiveMQReportHandler : ILambdaHandler<ActiveMQEvent, BrokerReport>
{
    public ValueTask<BrokerReport> HandleAsync(ActiveMQEvent input, ILambdaContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult(new BrokerReport(
            "activemq",
            [.. (input.Messages ?? []).Select(m => new BrokerMessageSeen(m.MessageId, null, m.DecodeData()))]));
}

/// <summary>Lists the messages of a RabbitMQ batch with the queue each came from.</summary>
internal sealed class RabbitMQReportHandler : ILambdaHandler<RabbitMQEvent, BrokerReport>
{
    public ValueTask<BrokerReport> HandleAsync(RabbitMQEvent input, ILambdaContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult(new BrokerReport(
            "rabbitmq",
            [.. (input.RmqMessagesByQueue ?? []).SelectMany(q => (q.Value ?? []).Select(m => new BrokerMessageSeen(null, q.Key, m.DecodeData())))]));
}

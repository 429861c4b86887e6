namespace Showcase.Streams;

/// <summary>What the CloudWatch Logs handler saw: where the log events come from and their messages, in order.</summary>
internal sealed record LogsReport(string Source, string? LogGroup, string? LogStream, IReadOnlyList<string?> Messages);

/// <summary>What the Kafka handler saw: every record, in the order received.</summary>
internal sealed record KafkaReport(string Source, IReadOnlyList<KafkaRecordSeen> Records);

/// <summary>A Kafka record, its value decoded as UTF-8.</summary>
internal sealed record KafkaRecordSeen(string? Topic, int Partition, long Offset, string? Value);

/// <summary>What an Amazon MQ handler saw: every message, in the order received.</summary>
internal sealed record BrokerReport(string Source, IReadOnlyList<BrokerMessageSeen> Messages);

/// <summary>An ActiveMQ message (with its id) or a RabbitMQ message (with its queue), its data decoded as UTF-8.</summary>
internal sealed record BrokerMessageSeen(string? MessageId, string? Queue, string Data);

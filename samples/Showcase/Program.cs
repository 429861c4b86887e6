using LambdaKit;
using LambdaKit.Events.CloudWatchLogs;
using LambdaKit.Events.EventBridge;
using LambdaKit.Events.Kafka;
using LambdaKit.Events.MQ;
using LambdaKit.Events.S3;
using LambdaKit.Events.SNS;
using Microsoft.Extensions.DependencyInjection;
using Showcase;
using Showcase.Batches;
using Showcase.Http;
using Showcase.Notifications;
using Showcase.Streams;

// One bootstrap, many sources: LambdaKit detects each event's source and calls the handler registered for it.
var builder = LambdaApplication.CreateBuilder(args);
builder.Services.AddLambdaKit(options => options.AddJsonSerializerContext(ShowcaseJsonContext.Default));

// API Gateway REST (v1), HTTP API (v2), function URLs and ALB: one route table.
builder.Services.AddHttpApi(OrdersApi.Map);

// Notifications: S3, SNS, EventBridge schedules.
builder.Services.AddHandler<S3Event, SourceReport, S3ObjectsHandler>();
builder.Services.AddHandler<SNSEvent, SourceReport, SnsMessagesHandler>();
builder.Services.AddHandler<ScheduledEvent, SourceReport, ScheduleTickHandler>();

// Batches: one record at a time, answered with the partial batch response (batchItemFailures).
builder.Services.AddSqsHandler<SqsWorkHandler>();
builder.Services.AddKinesisHandler<KinesisWorkHandler>();
builder.Services.AddDynamoDbHandler<DynamoDbWorkHandler>();

// Streams and brokers: Firehose transformation (every record answered), CloudWatch Logs, Kafka, Amazon MQ.
builder.Services.AddKinesisFirehoseHandler<UpperCaseFirehoseHandler>();
builder.Services.AddHandler<CloudWatchLogsEvent, LogsReport, CloudWatchLogsReportHandler>();
builder.Services.AddHandler<KafkaEvent, KafkaReport, KafkaReportHandler>();
builder.Services.AddHandler<ActiveMQEvent, BrokerReport, ActiveMQReportHandler>();
builder.Services.AddHandler<RabbitMQEvent, BrokerReport, RabbitMQReportHandler>();

await using var app = builder.Build();
await app.RunAsync();

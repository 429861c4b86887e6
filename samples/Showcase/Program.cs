using LambdaKit;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.CloudFormation;
using LambdaKit.Events.Cognito;
using LambdaKit.Events.CloudWatchLogs;
using LambdaKit.Events.EventBridge;
using LambdaKit.Events.Kafka;
using LambdaKit.Events.MQ;
using LambdaKit.Events.S3;
using LambdaKit.Events.SimpleEmail;
using LambdaKit.Events.SNS;
using Microsoft.Extensions.DependencyInjection;
using Showcase;
using Showcase.Authorizers;
using Showcase.Batches;
using Showcase.Cognito;
using Showcase.CustomResources;
using Showcase.Http;
using Showcase.Notifications;
using Showcase.WebSockets;
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

// Authorizers, WebSocket, SES, Cognito user-pool triggers (by triggerSource), CloudFormation custom resources.
builder.Services.AddHandler<APIGatewayCustomAuthorizerRequest, APIGatewayCustomAuthorizerResponse, RestAuthorizerHandler>();
builder.Services.AddHandler<APIGatewayCustomAuthorizerV2Request, APIGatewayCustomAuthorizerV2SimpleResponse, HttpApiAuthorizerHandler>();
builder.Services.AddWebSocketApi(EchoSocket.Map);
builder.Services.AddHandler<SimpleEmailEvent, SourceReport, SesMessagesHandler>();
builder.Services.AddHandler<CloudFormationCustomResourceRequest, EchoResource>();
builder.Services.AddHandler<CognitoPreSignupEvent, CognitoPreSignupEvent, PreSignUpHandler>();
builder.Services.AddHandler<CognitoPostConfirmationEvent, CognitoPostConfirmationEvent, UnchangedTrigger<CognitoPostConfirmationEvent>>();
builder.Services.AddHandler<CognitoPreAuthenticationEvent, CognitoPreAuthenticationEvent, UnchangedTrigger<CognitoPreAuthenticationEvent>>();
builder.Services.AddHandler<CognitoPostAuthenticationEvent, CognitoPostAuthenticationEvent, UnchangedTrigger<CognitoPostAuthenticationEvent>>();
builder.Services.AddHandler<CognitoPreTokenGenerationEvent, CognitoPreTokenGenerationEvent, UnchangedTrigger<CognitoPreTokenGenerationEvent>>();
builder.Services.AddHandler<CognitoPreTokenGenerationV2Event, CognitoPreTokenGenerationV2Event, UnchangedTrigger<CognitoPreTokenGenerationV2Event>>();
builder.Services.AddHandler<CognitoCustomMessageEvent, CognitoCustomMessageEvent, UnchangedTrigger<CognitoCustomMessageEvent>>();
builder.Services.AddHandler<CognitoDefineAuthChallengeEvent, CognitoDefineAuthChallengeEvent, UnchangedTrigger<CognitoDefineAuthChallengeEvent>>();
builder.Services.AddHandler<CognitoCreateAuthChallengeEvent, CognitoCreateAuthChallengeEvent, UnchangedTrigger<CognitoCreateAuthChallengeEvent>>();
builder.Services.AddHandler<CognitoVerifyAuthChallengeEvent, CognitoVerifyAuthChallengeEvent, UnchangedTrigger<CognitoVerifyAuthChallengeEvent>>();
builder.Services.AddHandler<CognitoMigrateUserEvent, CognitoMigrateUserEvent, UnchangedTrigger<CognitoMigrateUserEvent>>();
builder.Services.AddHandler<CognitoCustomEmailSenderEvent, CognitoCustomEmailSenderEvent, UnchangedTrigger<CognitoCustomEmailSenderEvent>>();
builder.Services.AddHandler<CognitoCustomSmsSenderEvent, CognitoCustomSmsSenderEvent, UnchangedTrigger<CognitoCustomSmsSenderEvent>>();
// Streams and brokers: Firehose transformation (every record answered), CloudWatch Logs, Kafka, Amazon MQ.
builder.Services.AddKinesisFirehoseHandler<UpperCaseFirehoseHandler>();
builder.Services.AddHandler<CloudWatchLogsEvent, LogsReport, CloudWatchLogsReportHandler>();
builder.Services.AddHandler<KafkaEvent, KafkaReport, KafkaReportHandler>();
builder.Services.AddHandler<ActiveMQEvent, BrokerReport, ActiveMQReportHandler>();
builder.Services.AddHandler<RabbitMQEvent, BrokerReport, RabbitMQReportHandler>();

await using var app = builder.Build();
await app.RunAsync();

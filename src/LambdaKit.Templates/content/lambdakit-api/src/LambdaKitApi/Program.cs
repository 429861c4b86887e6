using LambdaKit;
using LambdaKitApi;
using Microsoft.Extensions.DependencyInjection;

// Start-up code runs once per execution environment, in Lambda's init phase; a failure here is posted to /init/error.
var builder = LambdaApplication.CreateBuilder(args);
builder.Services.AddLambdaKit(options => options.AddJsonSerializerContext(ApiJsonContext.Default));
builder.Services.AddSingleton<TodoStore>();

// HTTP routes, served alike from API Gateway HTTP APIs (v2), REST APIs (v1), function URLs and ALB.
builder.Services.AddHttpApi(TodoRoutes.Map);

// An SQS queue: messages one at a time; the failed ones are answered in batchItemFailures, to be retried
// (turn on ReportBatchItemFailures on the event source mapping).
builder.Services.AddSqsHandler<TodoQueueHandler>();

await using var app = builder.Build();
await app.RunAsync();

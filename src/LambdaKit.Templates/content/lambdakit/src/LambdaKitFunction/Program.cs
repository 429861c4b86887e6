using LambdaKit;
using LambdaKitFunction;
using Microsoft.Extensions.DependencyInjection;

// Start-up code runs once per execution environment, in Lambda's init phase; a failure here is posted to /init/error.
var builder = LambdaApplication.CreateBuilder(args);
builder.Services.AddLambdaKit(options => options.AddJsonSerializerContext(FunctionJsonContext.Default));
builder.Services.AddHandler<GreetingRequest, GreetingResponse, GreetingHandler>();

await using var app = builder.Build();
await app.RunAsync();

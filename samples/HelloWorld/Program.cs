using Microsoft.Extensions.DependencyInjection;
using HelloWorld;
using LambdaKit;

var builder = LambdaApplication.CreateBuilder(args);
builder.Services.AddLambdaKit(options => options.AddJsonSerializerContext(HelloJsonContext.Default));
builder.Services.AddHandler<HelloRequest, HelloResponse, HelloHandler>();

// Start-up code runs in Lambda's init phase; a failure here is posted to /init/error.
if (Environment.GetEnvironmentVariable("HELLO_FAIL_AT_START") is { Length: > 0 } reason)
{
    throw new InvalidOperationException($"Start-up failed on purpose: {reason}");
}

await using var app = builder.Build();
await app.RunAsync();

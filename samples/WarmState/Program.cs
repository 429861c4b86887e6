using LambdaKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarmState;

var settings = ClientSettings.FromEnvironment();
var builder = LambdaApplication.CreateBuilder(args);
builder.Services.AddLambdaKit(options =>
{
    options.AddJsonSerializerContext(WarmJsonContext.Default);
    // Lambda sends SIGTERM before it ends the environment only when an extension is registered: then the client is disposed.
    options.EnableShutdownSignal = true;
});
builder.Services.AddLambdaLogging(options => options.EnableMetrics = settings.Metrics);

// The expensive client: built once per execution environment (optionally in the init phase), rebuilt after its
// time-to-live or when a handler invalidates it, disposed when the environment shuts down.
builder.Services.AddSingleton(settings);
builder.Services.AddWarmState(
    (services, cancellationToken) => ExpensiveClient.ConnectAsync(
        services.GetRequiredService<ClientSettings>(),
        services.GetRequiredService<ILogger<ExpensiveClient>>(),
        cancellationToken),
    options =>
    {
        options.TimeToLive = settings.TimeToLive;
        options.WarmUpAtStart = settings.WarmUpAtStart;
    });
builder.Services.AddHandler<WarmRequest, WarmResponse, WarmHandler>();

await using var app = builder.Build();
await app.RunAsync();

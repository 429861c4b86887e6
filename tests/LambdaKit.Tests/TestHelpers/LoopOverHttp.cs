using System.Text.Json.Serialization;
using LambdaKit.Invocation;
using LambdaKit.Tests.Batching;
using LambdaKit.Runtime;
using LambdaKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.TestHelpers;

/// <summary>The real loop and Runtime API client, in-process, against a real <see cref="LocalRuntimeApi"/> over HTTP.</summary>
internal sealed class LoopOverHttp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private LoopOverHttp(LocalRuntimeApi api, RuntimeApiFaults faults, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Api = api;
        Faults = faults;
        Services = services;
        Logs = logs;
    }

    public LocalRuntimeApi Api { get; }

    public RuntimeApiFaults Faults { get; }

    public ServiceProvider Services { get; }

    public CapturingLoggerProvider Logs { get; }

    public Task Loop { get; private set; } = Task.CompletedTask;

    public static async Task<LoopOverHttp> StartAsync(int concurrency = 1, string? pathPrefix = null, TimeSpan? timeout = null, string? runtimeApiOverride = null, RuntimeApiFaults? faults = null, Action<LambdaKitOptions>? configure = null)
    {
        faults ??= new RuntimeApiFaults();
        var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions
        {
            FunctionName = "faulty",
            FunctionTimeout = timeout ?? TimeSpan.FromSeconds(30),
            MaxResponseBytes = 64 * 1024,
            PathPrefix = pathPrefix,
            Faults = faults,
        });
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        var runtimeApi = runtimeApiOverride ?? api.RuntimeApiAddress;
        services.AddSingleton(new LambdaEnvironment(name => name switch
        {
            "AWS_LAMBDA_RUNTIME_API" => runtimeApi,
            "AWS_LAMBDA_FUNCTION_NAME" => "faulty",
            "AWS_LAMBDA_MAX_CONCURRENCY" => concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        }));
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddLambdaKit(o =>
        {
            o.AddJsonSerializerContext(EchoJsonContext.Default);
            configure?.Invoke(o);
        });

        services.AddScoped<EchoScoped>();
        services.AddHandler<EchoRequest, EchoResponse, EchoHandler>();
        var loop = new LoopOverHttp(api, faults, services.BuildServiceProvider(), logs);
        loop.Loop = Task.Run(() => loop.Services.GetRequiredService<LambdaRuntimeLoop>().RunAsync(loop._stop.Token));
        return loop;
    }

    public Task<InvocationResult> InvokeAsync(string text, int delayMs = 0, int size = 0, string? requestId = null, TimeSpan? timeout = null)
        => Api.InvokeAsync(
            $$"""{"Text":"{{text}}","DelayMs":{{delayMs}},"Size":{{size}}}""",
            new InvocationRequest { RequestId = requestId ?? Guid.NewGuid().ToString(), Timeout = timeout });

    /// <summary>Every invocation handed out, except <paramref name="unanswerable"/>, got exactly one accepted answer.</summary>
    public void AssertEachHandedOutAnsweredOnce(params string[] unanswerable)
    {
        // The API records an answer as it writes its 202, a moment after the invocation's result completed.
        SpinWait.SpinUntil(() => Faults.HandedOut.All(id => unanswerable.Contains(id) || Faults.AcceptedAnswers(id) >= 1), TimeSpan.FromSeconds(10));
        Assert.NotEmpty(Faults.HandedOut);
        foreach (var id in Faults.HandedOut)
        {
            Assert.Equal(unanswerable.Contains(id) ? 0 : 1, Faults.AcceptedAnswers(id));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Loop.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception exception) when (exception is RuntimeApiException or OperationCanceledException)
        {
        }

        await Services.DisposeAsync();
        await Api.DisposeAsync();
        _stop.Dispose();
    }
}

internal sealed record EchoRequest(string? Text, int DelayMs = 0, int Size = 0);

internal sealed record EchoResponse(string? Text, string RequestId, int Scope, string? LogRequestId = null, bool Cancelled = false);

[JsonSerializable(typeof(EchoRequest))]
[JsonSerializable(typeof(EchoResponse))]
internal sealed partial class EchoJsonContext : JsonSerializerContext;

internal sealed class EchoScoped
{
    private static int s_next;

    public int Id { get; } = Interlocked.Increment(ref s_next);
}

/// <summary>Echoes the text; waits <c>DelayMs</c> on the function's clock (real over HTTP, manual where a test registers one).</summary>
internal sealed partial class EchoHandler(EchoScoped scoped, ILogger<EchoHandler> logger, TimeProvider time) : ILambdaHandler<EchoRequest, EchoResponse>
{
    public async ValueTask<EchoResponse> HandleAsync(EchoRequest input, ILambdaContext context, CancellationToken cancellationToken)
    {
        LogEcho(logger, input.Text, context.AwsRequestId);
        if (input.DelayMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(input.DelayMs), time, cancellationToken);
        }

        if (input.Text == "throw")
        {
            throw new InvalidOperationException("asked to throw");
        }

        // The request id the log writer tags this flow's lines with.
        var logRequestId = LambdaKit.Context.CurrentInvocation.Context?.AwsRequestId;
        return new EchoResponse(input.Size > 0 ? new string('x', input.Size) : input.Text, context.AwsRequestId, scoped.Id, logRequestId, cancellationToken.IsCancellationRequested);
    }

    [LoggerMessage(1, LogLevel.Information, "echo {Text} in {RequestId}")]
    private static partial void LogEcho(ILogger logger, string? text, string requestId);
}

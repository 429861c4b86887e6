using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HelloWorld;
using LambdaKit.Benchmarks.Baselines;
using LambdaKit.Benchmarks.Harness;
using LambdaKit.Context;
using LambdaKit.Invocation;
using LambdaKit.Logging;
using LambdaKit.Runtime;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Benchmarks;

/// <summary>
/// One warm HelloWorld invocation in process (the sample's handler, types and JSON context, compiled from
/// samples/HelloWorld), against the baseline of what any function must do: deserialize the event, run the same handler
/// code, serialize the response (with a logger that does nothing, so the baseline holds only the user's objects). The
/// difference in the Allocated column is what LambdaKit allocates per invocation beyond the event and the response.
/// The step rows isolate the parts of the pipeline (what <c>LambdaRuntimeLoop.InvokeAsync</c> and <c>WorkerAsync</c> do,
/// step by step, with the same internal types) and the transport (against <see cref="EchoRuntimeApi"/>, which allocates
/// nothing, so the allocations counted are the client's). Log lines go to <see cref="Stream.Null"/>.
/// The transport rows run the client as a function that runs one invocation at a time does (blocking socket calls),
/// with asynchronous socket calls (several workers), and the client as it was before (<see cref="RuntimeApiClientBefore"/>,
/// a frozen copy): same run, same loopback peer.
/// </summary>
[Config(typeof(InProcessSuiteConfig))]
public class PipelineBenchmarks
{
    private const string RequestId = "8476a536-e9f4-11e8-9739-2dfe598c3fcd";
    private static readonly byte[] Event = """{"name":"warm"}"""u8.ToArray();
    private static readonly byte[] RequestIdBytes = Encoding.ASCII.GetBytes(RequestId);
    private LambdaApplication _app = null!;
    private LambdaApplication _appWithTransport = null!;
    private LambdaApplication _appWithTransportBefore = null!;
    private LambdaRuntimeLoop _loopWithTransportBefore = null!;
    private IRuntimeApiClient _clientAsync = null!;
    private IRuntimeApiClient _clientBefore = null!;
    private EchoRuntimeApi _echoAsync = null!;
    private EchoRuntimeApi _echoBefore = null!;
    private RuntimeApiResponse _response = null!;
    private LambdaRuntimeLoop _loop = null!;
    private LambdaRuntimeLoop _loopWithTransport = null!;
    private IRuntimeApiClient _client = null!;
    private LambdaLogWriter _logWriter = null!;
    private ILambdaLogger _logger = null!;
    private IServiceScopeFactory _scopes = null!;
    private EchoRuntimeApi _echo = null!;
    private PooledBufferWriter _output = null!;
    private InvocationHeaders _headers = null!;
    private LambdaInvocation _invocation = null!;
    private InvocationContext _baselineContext = null!;
    private LambdaEnvironment _environment = null!;
    private HelloHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _echo = new EchoRuntimeApi(RequestId, Event);
        _app = Build(new NullRuntimeApiClient());
        _echoAsync = new EchoRuntimeApi(RequestId, Event);
        _echoBefore = new EchoRuntimeApi(RequestId, Event);
        _appWithTransport = Build(new RuntimeApiClient(_echo.Address, blocking: true));
        _appWithTransportBefore = Build(new RuntimeApiClientBefore(_echoBefore.Address));
        _loopWithTransportBefore = _appWithTransportBefore.Services.GetRequiredService<LambdaRuntimeLoop>();
        _clientBefore = _appWithTransportBefore.Services.GetRequiredService<IRuntimeApiClient>();
        _clientAsync = new RuntimeApiClient(_echoAsync.Address, blocking: false);
        _response = new RuntimeApiResponse();
        _loop = _app.Services.GetRequiredService<LambdaRuntimeLoop>();
        _loopWithTransport = _appWithTransport.Services.GetRequiredService<LambdaRuntimeLoop>();
        _client = _appWithTransport.Services.GetRequiredService<IRuntimeApiClient>();
        _logWriter = _appWithTransport.Services.GetRequiredService<LambdaLogWriter>();
        _logger = _app.Services.GetRequiredService<ILambdaLogger>();
        _scopes = _app.Services.GetRequiredService<IServiceScopeFactory>();
        _environment = _app.Services.GetRequiredService<LambdaEnvironment>();
        _output = new PooledBufferWriter();
        _headers = new InvocationHeaders(RequestId, DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds())
        {
            InvokedFunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:bench",
            TraceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0",
        };
        _invocation = new LambdaInvocation(_headers, Event, Event.Length, pooled: false);
        _baselineContext = new InvocationContext(_headers, _environment, TimeProvider.System, NullLambdaLogger.Instance, isColdStart: false)
        {
            Payload = Event,
            Output = _output,
        };
        _handler = new HelloHandler();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _appWithTransport.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _appWithTransportBefore.DisposeAsync().AsTask().GetAwaiter().GetResult();
        ((IDisposable)_clientAsync).Dispose();
        _echo.Dispose();
        _echoAsync.Dispose();
        _echoBefore.Dispose();
        _output.Dispose();
    }

    [Benchmark(Baseline = true, Description = "event + response objects: deserialize, the handler's code, serialize")]
    public async Task<int> EventAndResponse()
    {
        var request = LambdaJson.Deserialize(Event, HelloJsonContext.Default.HelloRequest);
        var response = await _handler.HandleAsync(request, _baselineContext, CancellationToken.None).ConfigureAwait(false);
        LambdaJson.Serialize(_output, response, HelloJsonContext.Default.HelloResponse);
        var written = _output.WrittenCount;
        _output.Reset();
        return written;
    }

    [Benchmark(Description = "pipeline: event bytes → response bytes (LambdaRuntimeLoop.InvokeAsync, no transport)")]
    public async Task<int> Pipeline()
    {
        await _loop.InvokeAsync(_invocation, _output).ConfigureAwait(false);
        return EndInvocation();
    }

    [Benchmark(Description = "warm invocation in process: flush, GET next, pipeline, POST response (loopback, blocking client)")]
    public async Task<int> WarmInvocationWithTransport()
    {
        _logWriter.Flush();
        using var invocation = await _client.GetNextInvocationAsync(CancellationToken.None).ConfigureAwait(false);
        await _loopWithTransport.InvokeAsync(invocation, _output).ConfigureAwait(false);
        return EndInvocation();
    }

    [Benchmark(Description = "warm invocation in process, the client before issue 11's transport change (async sockets)")]
    public async Task<int> WarmInvocationWithTransportBefore()
    {
        _logWriter.Flush();
        using var invocation = await _clientBefore.GetNextInvocationAsync(CancellationToken.None).ConfigureAwait(false);
        await _loopWithTransportBefore.InvokeAsync(invocation, _output).ConfigureAwait(false);
        return EndInvocation();
    }

    [Benchmark(Description = "step: transport only: GET next (headers, pooled body) + POST response, blocking client")]
    public Task<int> Transport() => TransportOf(_client);

    [Benchmark(Description = "step: transport only, asynchronous client (several workers)")]
    public Task<int> TransportAsync() => TransportOf(_clientAsync);

    [Benchmark(Description = "step: transport only, the client before issue 11's transport change")]
    public Task<int> TransportBefore() => TransportOf(_clientBefore);

    [Benchmark(Description = "step: invocation headers from the next response (request id and trace id strings, InvocationHeaders)")]
    public InvocationHeaders Headers()
    {
        _response.Reset();
        _response.SetInvocationHeader("Lambda-Runtime-Aws-Request-Id"u8, RequestIdBytes);
        _response.SetInvocationHeader("Lambda-Runtime-Deadline-Ms"u8, "1700000000000"u8);
        _response.SetInvocationHeader("Lambda-Runtime-Invoked-Function-Arn"u8, "arn:aws:lambda:us-east-1:123456789012:function:bench"u8);
        _response.SetInvocationHeader("Lambda-Runtime-Trace-Id"u8, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0"u8);
        return RuntimeHeaders.Parse(_response.Lookup);
    }

    [Benchmark(Description = "step: invocation headers, before (4 header strings, a new response, a delegate)")]
    public InvocationHeaders HeadersBefore()
    {
        var response = new RuntimeApiResponseBefore();
        response.SetInvocationHeader("Lambda-Runtime-Aws-Request-Id"u8, RequestIdBytes);
        response.SetInvocationHeader("Lambda-Runtime-Deadline-Ms"u8, "1700000000000"u8);
        response.SetInvocationHeader("Lambda-Runtime-Invoked-Function-Arn"u8, "arn:aws:lambda:us-east-1:123456789012:function:bench"u8);
        response.SetInvocationHeader("Lambda-Runtime-Trace-Id"u8, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0"u8);
        return RuntimeApiClientBefore.ParseHeaders(response.GetHeader);
    }

    [Benchmark(Description = "step: context, deadline token, AsyncLocal scope, trace-id variable")]
    public object ContextAndDeadline()
    {
        using var deadline = new DeadlineCancellation(TimeProvider.System, _headers.Deadline, TimeSpan.FromMilliseconds(500));
        var context = new InvocationContext(_headers, _environment, TimeProvider.System, _logger, isColdStart: false)
        {
            Payload = Event,
            Output = _output,
            CancellationToken = deadline.Token,
        };
        CurrentInvocation.Context = context;
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", _headers.TraceId);
        CurrentInvocation.Context = null;
        return context;
    }

    [Benchmark(Description = "step: DI scope: create, context holder, resolve the handler, dispose")]
    public async Task<object> DiScope()
    {
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            CurrentInvocation.Context = _baselineContext;
            return scope.ServiceProvider.GetRequiredService<HelloHandler>();
        }
    }

    [Benchmark(Description = "step: one log line (ILambdaLogger.LogInformation, text format, to a null stream)")]
    public void LogLine() => _logger.LogInformation("Saying hello to warm");

    [Benchmark(Description = "step: one log line + the loop's flush before next (written on the caller's thread)")]
    public void LogLineAndFlush()
    {
        _logWriter.Write(LogLevel.Information, null, "Saying hello to warm", null);
        _logWriter.Flush();
    }

    private static async Task<int> TransportOf(IRuntimeApiClient client)
    {
        int length;
        using (var invocation = await client.GetNextInvocationAsync(CancellationToken.None).ConfigureAwait(false))
        {
            length = invocation.Payload.Length;
        }

        await client.SendResponseAsync(RequestId, Event, CancellationToken.None).ConfigureAwait(false);
        return length;
    }

    private int EndInvocation()
    {
        var written = _output.WrittenCount;
        _output.Reset();
        CurrentInvocation.Context = null;
        return written;
    }

    private static LambdaApplication Build(IRuntimeApiClient client)
    {
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.AddLambdaKit(options => options.AddJsonSerializerContext(HelloJsonContext.Default));
        builder.Services.AddHandler<HelloRequest, HelloResponse, HelloHandler>();
        builder.Services.Replace(ServiceDescriptor.Singleton(client));
        builder.Services.Replace(ServiceDescriptor.Singleton(sp => new LambdaLogWriter(
            sp.GetRequiredService<LambdaEnvironment>(), TimeProvider.System, new LambdaLoggingOptions(), Stream.Null)));
        return builder.Build();
    }

    /// <summary>A Runtime API that answers nothing: the pipeline without the transport.</summary>
    private sealed class NullRuntimeApiClient : IRuntimeApiClient
    {
        public ValueTask<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask SendResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => default;

        public ValueTask SendErrorAsync(string requestId, LambdaError report, CancellationToken cancellationToken) => default;

        public ValueTask SendInitErrorAsync(LambdaError report, CancellationToken cancellationToken) => default;

        public ValueTask RegisterInternalExtensionAsync(string name, CancellationToken cancellationToken) => default;

        public ValueTask WaitForRestoreAsync(CancellationToken cancellationToken) => default;

        public ValueTask SendRestoreErrorAsync(LambdaError report, CancellationToken cancellationToken) => default;
    }

    /// <summary>The baseline's logger: the handler's message is built (user code), nothing is written.</summary>
    private sealed class NullLambdaLogger : ILambdaLogger
    {
        public static readonly NullLambdaLogger Instance = new();

        public void Log(string message)
        {
        }

        public void LogLine(string message)
        {
        }

        public void Log(LogLevel level, string message)
        {
        }

        public void Log(LogLevel level, Exception? exception, string message)
        {
        }
    }
}

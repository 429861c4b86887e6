using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Testing;

/// <summary>
/// Runs a LambdaKit function in the test's own process and invokes it without sockets: each invocation goes through the
/// pipeline the Runtime API loop runs (<see cref="LambdaApplication.InvokeAsync"/>: the context and its deadline token, one DI
/// scope per invocation, source detection, routing, the handler, the error report) and returns the response, the error
/// report and the log lines it wrote.
/// <code>
/// // The function's registrations, given here:
/// await using var host = LambdaTestHost.Create(builder =>
/// {
///     builder.Services.AddLambdaKit(o => o.AddJsonSerializerContext(AppJson.Default));
///     builder.Services.AddHandler&lt;HelloRequest, HelloResponse, HelloHandler&gt;();
/// });
/// // …or the function's own Program, run up to RunAsync (like ASP.NET Core's WebApplicationFactory):
/// await using var host = await LambdaTestHost.StartAsync&lt;Program&gt;();
///
/// var result = await host.InvokeAsync("""{"name":"world"}""");
/// Assert.True(result.IsSuccess);
/// </code>
/// </summary>
/// <remarks>
/// <see cref="ILambdaContext.Logger"/> lines are captured instead of written to stdout; <c>ILogger&lt;T&gt;</c> lines are captured
/// and still written to stdout. The function sees the environment of <see cref="LambdaTestHostOptions"/>, not the process's.
/// </remarks>
public sealed class LambdaTestHost : IAsyncDisposable
{
    private readonly LambdaTestHostOptions _options;
    private readonly LogCapture _logs;
    private readonly Task? _program;
    private readonly TaskCompletionSource? _release;
    private int _disposed;

    private LambdaTestHost(LambdaApplication application, LambdaTestHostOptions options, LogCapture logs, Task? program, TaskCompletionSource? release)
    {
        Application = application;
        _options = options;
        _logs = logs;
        _program = program;
        _release = release;
    }

    /// <summary>The function's application.</summary>
    public LambdaApplication Application { get; }

    /// <summary>The function's root services (to reach a fake you registered, or warm state).</summary>
    public IServiceProvider Services => Application.Services;

    /// <summary>Every line logged so far, including those of the init phase, in order.</summary>
    public IReadOnlyList<TestLogLine> Logs => _logs.All;

    /// <summary>
    /// Builds a function from <paramref name="configure"/>, which registers what the function's <c>Program</c> registers
    /// (its JSON context, handlers, services). Its init phase runs at the first invocation.
    /// </summary>
    /// <param name="configure">The function's registrations.</param>
    /// <param name="options">The function's name, timeout, environment; defaults when <see langword="null"/>.</param>
    /// <returns>The host; dispose it to dispose the function's services.</returns>
    public static LambdaTestHost Create(Action<LambdaApplicationBuilder> configure, LambdaTestHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        options ??= new LambdaTestHostOptions();
        var logs = new LogCapture(options.MinimumLevel);
        var builder = LambdaApplication.CreateBuilder([.. options.Args]);
        Prepare(builder, options, logs);
        configure(builder);
        Capture(builder, logs);
        return new LambdaTestHost(builder.Build(), options, logs, program: null, release: null);
    }

    /// <summary>
    /// Runs the entry point (<c>Program</c>) of the assembly of <typeparamref name="TEntryPoint"/> in-process, up to
    /// <see cref="LambdaApplication.RunAsync"/>, then hands its application to the test. See
    /// <see cref="StartAsync(Assembly, Action{LambdaApplicationBuilder}?, LambdaTestHostOptions?, CancellationToken)"/>.
    /// </summary>
    /// <typeparam name="TEntryPoint">Any type of the function's assembly (for example <c>Program</c>, made visible with <c>public partial class Program;</c>).</typeparam>
    /// <param name="configure">Runs after the function's own registrations, before the application is built: replace services with fakes here.</param>
    /// <param name="options">The function's name, timeout, environment, arguments; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the entry point.</param>
    /// <returns>The host; disposing it lets <c>RunAsync</c> return, so that the function's <c>Program</c> ends and disposes its application.</returns>
    public static Task<LambdaTestHost> StartAsync<TEntryPoint>(Action<LambdaApplicationBuilder>? configure = null, LambdaTestHostOptions? options = null, CancellationToken cancellationToken = default)
        => StartAsync(typeof(TEntryPoint).Assembly, configure, options, cancellationToken);

    /// <summary>
    /// Runs the entry point of <paramref name="entryAssembly"/> (the function's <c>Program</c>, with its own registrations) on a
    /// thread of its own, up to <see cref="LambdaApplication.RunAsync"/>: there the init phase runs, then the application is
    /// handed to the test instead of polling a Runtime API (see <see cref="LambdaApplication.HostInProcess"/>). The local
    /// Runtime API that <see cref="LocalLambda.StartIfNotOnLambda"/> would start is not started in this process.
    /// </summary>
    /// <param name="entryAssembly">The function's assembly (for a sample built as <c>bootstrap</c>: <c>Assembly.Load("bootstrap")</c>).</param>
    /// <param name="configure">Runs after the function's own registrations, before the application is built: replace services with fakes here.</param>
    /// <param name="options">The function's name, timeout, environment, arguments; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting for the entry point.</param>
    /// <returns>The host; disposing it lets <c>RunAsync</c> return, so that the function's <c>Program</c> ends and disposes its application.</returns>
    /// <exception cref="InvalidOperationException">The entry point ended, or did not reach <c>RunAsync</c> within <see cref="LambdaTestHostOptions.StartTimeout"/>.</exception>
    /// <remarks>An exception of the function's start-up code or init phase is rethrown as it is.</remarks>
    public static async Task<LambdaTestHost> StartAsync(Assembly entryAssembly, Action<LambdaApplicationBuilder>? configure = null, LambdaTestHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entryAssembly);
        var entryPoint = entryAssembly.EntryPoint
            ?? throw new ArgumentException($"{entryAssembly.GetName().Name} has no entry point: it is not an executable.", nameof(entryAssembly));
        options ??= new LambdaTestHostOptions();
        LocalLambda.SuppressForInProcessHost();
        var logs = new LogCapture(options.MinimumLevel);
        var ready = new TaskCompletionSource<LambdaApplication>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var args = options.Args.ToArray();
        Task program;
        using (LambdaApplication.HostInProcess(
            (application, _) =>
            {
                ready.TrySetResult(application);
                return release.Task;
            },
            builder =>
            {
                Prepare(builder, options, logs);
                configure?.Invoke(builder);
                Capture(builder, logs);
            }))
        {
            program = Task.Factory.StartNew(() => RunEntryPoint(entryPoint, args), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(options.StartTimeout);
        var started = await Task.WhenAny(ready.Task, program, Task.Delay(Timeout.Infinite, waiting.Token)).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        if (started == ready.Task)
        {
            return new LambdaTestHost(await ready.Task.ConfigureAwait(false), options, logs, program, release);
        }

        release.TrySetResult();
        if (started == program)
        {
            await program.ConfigureAwait(false);
            throw new InvalidOperationException($"The entry point of {entryAssembly.GetName().Name} returned without calling LambdaApplication.RunAsync.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException($"The entry point of {entryAssembly.GetName().Name} did not reach LambdaApplication.RunAsync within {options.StartTimeout}.");
    }

    /// <summary>Invokes the function with an event given as UTF-8 JSON bytes.</summary>
    /// <param name="payload">The event.</param>
    /// <param name="request">The request id, timeout, trace id, client context, Cognito identity, tenant id, invoked ARN; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Also cancels the handler's token.</param>
    /// <returns>The response or the error report, and the invocation's log lines.</returns>
    public async Task<LambdaTestResult> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationRequest? request = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var time = Services.GetRequiredService<TimeProvider>();
        var deadline = time.GetUtcNow() + (request?.Timeout ?? _options.FunctionTimeout);
        var headers = new InvocationHeaders(request?.RequestId ?? Guid.NewGuid().ToString(), deadline.ToUnixTimeMilliseconds())
        {
            InvokedFunctionArn = request?.InvokedFunctionArn ?? _options.FunctionArn,
            TraceId = request?.TraceId ?? NewTraceId(time),
            ClientContextJson = request?.ClientContext,
            CognitoIdentityJson = request?.CognitoIdentity,
            TenantId = request?.TenantId,
        };
        // Lines written on this flow (the invocation's) are collected here; the change does not outlive this method.
        var lines = new List<TestLogLine>();
        LogCapture.CollectInto(lines);
        var result = await Application.InvokeAsync(payload, headers, cancellationToken).ConfigureAwait(false);
        TestLogLine[] logs;
        lock (lines)
        {
            logs = [.. lines];
        }

        return new LambdaTestResult(result, logs);
    }

    /// <summary>Invokes the function with an event given as JSON text.</summary>
    /// <param name="json">The event.</param>
    /// <param name="request">The request id, timeout, trace id…; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Also cancels the handler's token.</param>
    /// <returns>The response or the error report, and the invocation's log lines.</returns>
    public Task<LambdaTestResult> InvokeAsync(string json, InvocationRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return InvokeAsync(Encoding.UTF8.GetBytes(json), request, cancellationToken);
    }

    /// <summary>Invokes the function with a typed event, serialized with its source-generated metadata.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="event">The event.</param>
    /// <param name="eventType">Its JSON metadata (for example <c>LambdaKitEventsJsonContext.Default.SQSEvent</c>).</param>
    /// <param name="request">The request id, timeout, trace id…; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Also cancels the handler's token.</param>
    /// <returns>The response or the error report, and the invocation's log lines; read a typed response with <see cref="LambdaTestResult.ReadResponse{T}"/>.</returns>
    public Task<LambdaTestResult> InvokeAsync<TEvent>(TEvent @event, JsonTypeInfo<TEvent> eventType, InvocationRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return InvokeAsync(JsonSerializer.SerializeToUtf8Bytes(@event, eventType), request, cancellationToken);
    }

    /// <summary>
    /// Disposes the function: after <see cref="Create"/>, its services; after <c>StartAsync</c>, lets <c>RunAsync</c> return
    /// and waits for the entry point to end (it disposes its application) and rethrows what it threw.
    /// </summary>
    /// <returns>A task that completes when the function is disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_program is null)
        {
            await Application.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _release!.TrySetResult();
        await _program.ConfigureAwait(false);
    }

    private static void Prepare(LambdaApplicationBuilder builder, LambdaTestHostOptions options, LogCapture logs)
    {
        builder.Services.AddSingleton(options.ToEnvironment());
        builder.Logging.SetMinimumLevel(options.MinimumLevel);
        builder.Logging.AddProvider(logs);
    }

    private static void Capture(LambdaApplicationBuilder builder, LogCapture logs)
        => builder.Services.Replace(ServiceDescriptor.Singleton<ILambdaLogger>(logs));

    private static void RunEntryPoint(MethodInfo entryPoint, string[] args)
    {
        var parameters = entryPoint.GetParameters().Length == 0 ? null : new object[] { args };
        var result = entryPoint.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, parameters, culture: null);
        if (result is Task task)
        {
            task.GetAwaiter().GetResult();
        }
    }

    private static string NewTraceId(TimeProvider time)
    {
        var id = Guid.NewGuid().ToString("N");
        return $"Root=1-{time.GetUtcNow().ToUnixTimeSeconds():x8}-{id[..24]};Parent={id[^16..]};Sampled=0";
    }
}

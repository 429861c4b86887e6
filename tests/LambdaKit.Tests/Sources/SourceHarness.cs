using System.Text;
using LambdaKit.Context;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Sources;

/// <summary>What one invocation answered, and what it told the loop.</summary>
internal sealed record SourceRun(string Json, int? UnfinishedWork, int? RecordsProcessed);

/// <summary>
/// A function run in process through the dispatcher as the loop runs it (a DI scope, an <see cref="InvocationContext"/>,
/// the deadline token armed with the margin) on a manual clock.
/// </summary>
internal sealed class SourceHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(500);
    private readonly ServiceProvider _services;

    private SourceHarness(ServiceProvider services) => _services = services;

    public ManualTimeProvider Time => (ManualTimeProvider)_services.GetRequiredService<TimeProvider>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static SourceHarness Create(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new ManualTimeProvider(Start));
        services.AddLogging();
        services.AddSingleton(new LambdaEnvironment(name => name == "AWS_LAMBDA_FUNCTION_NAME" ? "sources" : null));
        services.AddLambdaKit(o =>
        {
            o.CancellationMargin = Margin;
            o.AddJsonSerializerContext(SourceTestJsonContext.Default);
        });
        register(services);
        return new SourceHarness(services.BuildServiceProvider());
    }

    /// <summary>Reads a file of tests/events.</summary>
    public static string Event(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", relative));

    /// <summary>Runs one invocation whose deadline is <paramref name="timeout"/> from now; throws what the loop would report.</summary>
    public async Task<SourceRun> InvokeAsync(string json, TimeSpan? timeout = null)
    {
        var dispatcher = _services.GetRequiredService<InvocationDispatcher>();
        var time = _services.GetRequiredService<TimeProvider>();
        var headers = new InvocationHeaders("req-" + Guid.NewGuid().ToString("N"), (time.GetUtcNow() + (timeout ?? TimeSpan.FromMinutes(1))).ToUnixTimeMilliseconds());
        using var output = new PooledBufferWriter();
        using var deadline = new DeadlineCancellation(time, headers.Deadline, Margin);
        var context = new InvocationContext(headers, _services.GetRequiredService<LambdaEnvironment>(), time, new RecordingLogger(), isColdStart: false)
        {
            Payload = Encoding.UTF8.GetBytes(json),
            Output = output,
            CancellationToken = deadline.Token,
        };
        var scope = _services.CreateAsyncScope();
        InvocationOutcome outcome;
        await using (scope)
        {
            context.Services = scope.ServiceProvider;
            CurrentInvocation.Context = context;
            outcome = await dispatcher.DispatchAsync(context);
        }

        return new SourceRun(Encoding.UTF8.GetString(output.WrittenSpan), outcome.UnfinishedWork, outcome.RecordsProcessed);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

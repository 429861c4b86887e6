using System.Text;
using System.Text.Json.Serialization;
using LambdaKit.Context;
using LambdaKit.Events.EventBridge;
using LambdaKit.Events.S3;
using LambdaKit.Events.SQS;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Routing;

public sealed partial class InvocationDispatcherTests
{
    internal sealed record Raw(string? Kind);

    [JsonSerializable(typeof(Raw))]
    [JsonSerializable(typeof(CloudWatchEvent<Raw>))]
    internal sealed partial class RawJsonContext : JsonSerializerContext;

    internal sealed class Seen
    {
        public List<string> Handled { get; } = [];
    }

    internal sealed class S3Seen(Seen seen) : ILambdaHandler<S3Event>
    {
        public ValueTask HandleAsync(S3Event input, ILambdaContext context, CancellationToken cancellationToken)
        {
            seen.Handled.Add("s3:" + input.Records![0].S3!.Object!.DecodedKey);
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class SqsSeen(Seen seen) : ILambdaHandler<SQSEvent>
    {
        public ValueTask HandleAsync(SQSEvent input, ILambdaContext context, CancellationToken cancellationToken)
        {
            seen.Handled.Add("sqs:" + input.Records!.Count);
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class EventBridgeSeen(Seen seen) : EventBridgeHandler<Raw>
    {
        protected override ValueTask HandleDetailAsync(Raw? detail, CloudWatchEvent<Raw> eventBridgeEvent, ILambdaContext context, CancellationToken cancellationToken)
        {
            seen.Handled.Add("eventbridge:" + eventBridgeEvent.DetailType);
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class RawSeen(Seen seen) : ILambdaHandler<Raw>
    {
        public ValueTask HandleAsync(Raw input, ILambdaContext context, CancellationToken cancellationToken)
        {
            seen.Handled.Add("raw:" + input.Kind);
            return ValueTask.CompletedTask;
        }
    }

    private static (InvocationDispatcher Dispatcher, Seen Seen, ServiceProvider Services) Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();
        services.AddSingleton<Seen>();
        services.AddLambdaKit(o => o.AddJsonSerializerContext(RawJsonContext.Default));
        register(services);
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<InvocationDispatcher>(), provider.GetRequiredService<Seen>(), provider);
    }

    private static InvocationContext Context(string json, IServiceProvider services) =>
        new(new InvocationHeaders("r", DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds()), new LambdaEnvironment(_ => null), TimeProvider.System, new RecordingLogger(), false)
        {
            Payload = Encoding.UTF8.GetBytes(json),
            Output = new PooledBufferWriter(),
            Services = services,
        };

    private const string S3 = """{"Records":[{"eventSource":"aws:s3","s3":{"bucket":{"name":"b"},"object":{"key":"a+b%21","size":1}}}]}""";
    private const string Sqs = """{"Records":[{"messageId":"1","body":"x","eventSource":"aws:sqs"},{"messageId":"2","body":"y","eventSource":"aws:sqs"}]}""";
    private const string Schedule = """{"version":"0","id":"1","detail-type":"Scheduled Event","source":"aws.events","account":"1","time":"2026-11-22T00:00:00Z","region":"us-east-1","resources":["arn:rule"],"detail":{}}""";

    [Fact]
    public async Task Each_event_goes_to_the_handler_of_its_source()
    {
        var (dispatcher, seen, services) = Build(s => s.AddHandler<S3Event, S3Seen>().AddHandler<SQSEvent, SqsSeen>());
        await using var _ = services;

        await dispatcher.DispatchAsync(Context(S3, services));
        await dispatcher.DispatchAsync(Context(Sqs, services));

        Assert.Equal(["s3:a b!", "sqs:2"], seen.Handled);
    }

    [Fact]
    public async Task Schedule_without_a_schedule_handler_goes_to_the_eventbridge_handler()
    {
        var (dispatcher, seen, services) = Build(s => s.AddHandler<CloudWatchEvent<Raw>, EventBridgeSeen>());
        await using var _ = services;

        await dispatcher.DispatchAsync(Context(Schedule, services));

        Assert.Equal(["eventbridge:Scheduled Event"], seen.Handled);
    }

    [Fact]
    public async Task Unknown_source_falls_back_to_the_raw_handler()
    {
        var (dispatcher, seen, services) = Build(s => s.AddHandler<S3Event, S3Seen>().AddHandler<Raw, RawSeen>());
        await using var _ = services;

        await dispatcher.DispatchAsync(Context("""{"Kind":"direct"}""", services));
        await dispatcher.DispatchAsync(Context(S3, services));

        Assert.Equal(["raw:direct", "s3:a b!"], seen.Handled);
    }

    [Fact]
    public async Task Registered_source_without_its_handler_is_an_unknown_event_source_error_naming_it()
    {
        var (dispatcher, _, services) = Build(s => s.AddHandler<S3Event, S3Seen>());
        await using var _ = services;

        var error = await Assert.ThrowsAsync<UnknownEventSourceException>(() => dispatcher.DispatchAsync(Context(Sqs, services)).AsTask());

        Assert.Contains("SQS batch", error.Message, StringComparison.Ordinal);
        Assert.Contains("S3Seen", error.Message, StringComparison.Ordinal);
        Assert.Equal("Runtime.UnknownEventSource", LambdaError.FromException(error).ErrorType);
    }

    [Fact]
    public async Task Shapeless_event_error_lists_its_members()
    {
        var (dispatcher, _, services) = Build(s => s.AddHandler<S3Event, S3Seen>());
        await using var _ = services;

        var error = await Assert.ThrowsAsync<UnknownEventSourceException>(() => dispatcher.DispatchAsync(Context("""{"a":1,"b":[2]}""", services)).AsTask());

        Assert.Contains("members: a, b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_event_with_no_raw_handler_is_a_deserialization_error()
    {
        var (dispatcher, _, services) = Build(s => s.AddHandler<S3Event, S3Seen>());
        await using var _ = services;

        var error = await Assert.ThrowsAsync<EventDeserializationException>(() => dispatcher.DispatchAsync(Context("""{"a":""", services)).AsTask());

        Assert.Equal("Function.JsonDeserializationError", LambdaError.FromException(error).ErrorType);
    }

    [Fact]
    public async Task Single_raw_handler_skips_detection_even_for_an_aws_shaped_event()
    {
        var (dispatcher, seen, services) = Build(s => s.AddHandler<Raw, RawSeen>());
        await using var _ = services;

        await dispatcher.DispatchAsync(Context("""{"Records":[{"eventSource":"aws:sqs"}],"Kind":"raw"}""", services));

        Assert.Equal(["raw:raw"], seen.Handled);
    }

    [Fact]
    public void Two_handlers_for_one_source_fail_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();
        services.AddSingleton<Seen>();
        services.AddHandler<S3Event, S3Seen>();
        services.AddHandler<S3Event, S3Handlers.Other>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<InvocationDispatcher>());

        Assert.Contains("Two handlers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_json_metadata_fails_at_start_up_with_how_to_fix_it()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();
        services.AddSingleton<Seen>();
        services.AddHandler<Raw, RawSeen>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<InvocationDispatcher>());

        Assert.Contains("AddJsonSerializerContext", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_handler_at_all_fails_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();
        services.AddLambdaKit();
        using var provider = services.BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<InvocationDispatcher>());
    }

    internal static class S3Handlers
    {
        internal sealed class Other : S3Handler
        {
            protected override ValueTask HandleObjectAsync(S3Event.S3EventNotificationRecord record, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        }
    }
}

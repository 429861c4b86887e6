using LambdaKit.Events.S3;
using LambdaKit.Events.SQS;
using LambdaKit.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Routing;

/// <summary>What the dispatcher says when it cannot route: the shape of an unknown event, the registered handlers, the errors at start-up.</summary>
public sealed partial class InvocationDispatcherTests
{
    private static async Task<Exception> UnroutableAsync(string json)
    {
        var (dispatcher, _, services) = Build(s => s.AddHandler<S3Event, S3Seen>().AddHandler<SQSEvent, SqsSeen>());
        await using var _ = services;
        return await Assert.ThrowsAnyAsync<Exception>(() => dispatcher.DispatchAsync(Context(json, services)).AsTask());
    }

    [Fact]
    public async Task Unknown_event_message_names_its_members_and_every_registered_handler()
    {
        var error = await UnroutableAsync("""{"a":1,"b":[2],"c":{}}""");

        Assert.IsType<UnknownEventSourceException>(error);
        Assert.Equal(
            "Received an event of no known source (members: a, b, c) and no raw handler is registered. Registered: S3Seen (S3Event), SqsSeen (SQSEvent).",
            error.Message);
    }

    [Fact]
    public async Task Unknown_event_message_lists_ten_members_then_an_ellipsis()
    {
        var ten = "{" + string.Join(",", Enumerable.Range(1, 10).Select(i => $"\"m{i}\":{i}")) + "}";
        var eleven = "{" + string.Join(",", Enumerable.Range(1, 11).Select(i => $"\"m{i}\":{i}")) + "}";

        var tenError = await UnroutableAsync(ten);
        var elevenError = await UnroutableAsync(eleven);

        Assert.Contains("(members: m1, m2, m3, m4, m5, m6, m7, m8, m9, m10) and", tenError.Message, StringComparison.Ordinal);
        Assert.Contains("(members: m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, …) and", elevenError.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "(an empty object)")]
    [InlineData("[1]", "(a JSON ARRAY)")]
    [InlineData("\"text\"", "(a JSON STRING)")]
    [InlineData("12", "(a JSON NUMBER)")]
    public async Task Unknown_event_message_describes_an_event_that_is_not_an_object_with_members(string json, string shape)
    {
        var error = await UnroutableAsync(json);

        Assert.IsType<UnknownEventSourceException>(error);
        Assert.Contains(shape, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_of_a_known_source_without_its_handler_names_the_source_and_the_handlers()
    {
        var (dispatcher, _, services) = Build(s => s.AddHandler<SQSEvent, SqsSeen>());
        await using var _ = services;

        var error = await Assert.ThrowsAsync<UnknownEventSourceException>(() => dispatcher.DispatchAsync(Context(S3, services)).AsTask());

        Assert.Equal("Received an S3 notification (aws:s3), but no handler is registered for it. Registered: SqsSeen (SQSEvent).", error.Message);
    }

    [Fact]
    public async Task Event_that_is_not_valid_json_is_a_deserialization_error_saying_so()
    {
        var error = await UnroutableAsync("""{"a":""");

        var deserialization = Assert.IsType<EventDeserializationException>(error);
        Assert.StartsWith("The event is not valid JSON: ", deserialization.Message, StringComparison.Ordinal);
        Assert.NotNull(deserialization.InnerException);
    }

    [Fact]
    public void Two_raw_handlers_fail_at_start_up_naming_both()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();
        services.AddSingleton<Seen>();
        services.AddLambdaKit(o => o.AddJsonSerializerContext(RawJsonContext.Default));
        services.AddHandler<Raw, RawSeen>();
        services.AddHandler<Raw, OtherRawSeen>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<InvocationDispatcher>());

        Assert.StartsWith("2 raw handlers are registered (RawSeen (Raw), OtherRawSeen (Raw))", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_handlers_for_one_source_are_both_named()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();
        services.AddSingleton<Seen>();
        services.AddHandler<S3Event, S3Seen>();
        services.AddHandler<S3Event, S3Handlers.Other>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<InvocationDispatcher>());

        Assert.Equal("Two handlers are registered for S3 notification (aws:s3): S3Seen (S3Event) and Other (S3Event).", error.Message);
    }

    internal sealed class OtherRawSeen(Seen seen) : ILambdaHandler<Raw>
    {
        public ValueTask HandleAsync(Raw input, ILambdaContext context, CancellationToken cancellationToken)
        {
            seen.Handled.Add("other:" + input.Kind);
            return ValueTask.CompletedTask;
        }
    }
}

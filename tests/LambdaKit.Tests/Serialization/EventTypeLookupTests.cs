using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaKit.Batching;
using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Events.S3;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using LambdaKit.Tests.Batching;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Serialization;

/// <summary>
/// The LambdaKitEventTypeLookup switch: off, LambdaKit.Events' context is not searched by type (so that a trimmed publish can
/// leave it out), and a handler on one of its types fails at start with a message naming the switch. The switch is a
/// process-wide runtime setting, so these tests give the function its JSON metadata the way the switch's two branches
/// build it; EventTypeLookupSwitchTests turns the switch itself off, alone.
/// </summary>
public sealed partial class EventTypeLookupTests
{
    internal sealed record Greeting(string Name);

    [JsonSerializable(typeof(Greeting))]
    internal sealed partial class GreetingJsonContext : JsonSerializerContext;

    internal sealed class S3Handled : ILambdaHandler<S3Event>
    {
        public ValueTask HandleAsync(S3Event input, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private static JsonMetadata WithoutLookup(params JsonSerializerContext[] contexts) => new(contexts, eventTypes: null);

    [Fact]
    public void Without_the_lookup_an_events_type_is_refused_with_a_message_that_names_the_switch_and_the_way_out()
    {
        var json = WithoutLookup(GreetingJsonContext.Default);

        var error = Assert.Throws<InvalidOperationException>(() => json.GetTypeInfo<S3Event>());

        Assert.StartsWith($"No JSON metadata for {typeof(S3Event).FullName}: it is a LambdaKit.Events type,", error.Message, StringComparison.Ordinal);
        Assert.Contains("LambdaKitEventTypeLookup=false", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddJsonSerializerContext(LambdaKitEventsJsonContext.Default)", error.Message, StringComparison.Ordinal);
        Assert.False(json.Knows(typeof(S3Event)));
        Assert.NotNull(json.GetTypeInfo<Greeting>());
    }

    [Fact]
    public void With_the_lookup_an_events_type_is_found_after_the_functions_own_contexts()
    {
        var json = new JsonMetadata([GreetingJsonContext.Default], LambdaKitEventsJsonContext.Default);

        Assert.Same(LambdaKitEventsJsonContext.Default, json.GetTypeInfo<S3Event>().OriginatingResolver);
        Assert.Same(GreetingJsonContext.Default, json.GetTypeInfo<Greeting>().OriginatingResolver);
        Assert.True(json.Knows(typeof(S3Event)));
    }

    [Fact]
    public void Without_the_lookup_a_type_of_the_functions_own_is_refused_with_the_usual_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WithoutLookup().GetTypeInfo<Greeting>());

        Assert.StartsWith($"No JSON metadata for {typeof(Greeting).FullName}: add [JsonSerializable(typeof(Greeting))]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_lookup_the_events_context_registered_by_the_function_serves_its_types()
    {
        var json = WithoutLookup(LambdaKitEventsJsonContext.Default);

        Assert.Same(LambdaKitEventsJsonContext.Default, json.GetTypeInfo<S3Event>().OriginatingResolver);
    }

    [Fact]
    public void Without_the_lookup_a_handler_on_an_events_type_fails_at_start_naming_the_switch()
    {
        var services = Services();
        services.AddHandler<S3Event, S3Handled>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<InvocationDispatcher>());

        Assert.Contains("LambdaKitEventTypeLookup=false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_lookup_a_batch_handler_whose_payload_is_an_events_type_fails_at_start_naming_the_switch()
    {
        var services = Services();
        services.AddSqsHandler<BatchEdgeTests.EventPayloadSqsHandler>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<InvocationDispatcher>());

        Assert.StartsWith($"No JSON metadata for {typeof(Events.SQS.SQSEvent).FullName}, the payload of EventPayloadSqsHandler: it is a LambdaKit.Events type,", error.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();

        // What AddLambdaKit registers when the switch is off (it adds its own only if none is there).
        services.AddSingleton(WithoutLookup(GreetingJsonContext.Default));
        services.AddLambdaKit(o => o.AddJsonSerializerContext(GreetingJsonContext.Default));
        return services;
    }
}

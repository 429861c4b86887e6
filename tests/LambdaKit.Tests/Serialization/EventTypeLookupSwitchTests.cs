using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaKit.Batching;
using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Routing;
using LambdaKit.Routing.Http;
using LambdaKit.Serialization;
using LambdaKit.Tests.Batching;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Serialization;

/// <summary>Tests that turn the process-wide LambdaKitEventTypeLookup switch off run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideSwitch
{
    public const string Name = "Process-wide AppContext switch";
}

/// <summary>
/// With the runtime switch off, as a function built with LambdaKitEventTypeLookup=false runs it: AddLambdaKit leaves
/// LambdaKit.Events' context out of the search, and HTTP routing and the SQS batch read their envelopes through their
/// envelope-only contexts (the branch a trimmed publish keeps).
/// </summary>
[Collection(ProcessWideSwitch.Name)]
public sealed partial class EventTypeLookupSwitchTests
{
    internal sealed record Hello(string Name);

    [JsonSerializable(typeof(Hello))]
    internal sealed partial class SwitchJsonContext : JsonSerializerContext;

    [Fact]
    public async Task Switched_off_the_function_answers_http_and_sqs_through_the_envelope_contexts_and_refuses_an_events_type()
    {
        AppContext.SetSwitch(EventTypeLookup.SwitchName, false);
        try
        {
            Assert.Same(LambdaKitHttpEventsJsonContext.Default, HttpEnvelopes.HttpApiV2Request.OriginatingResolver);
            Assert.Same(LambdaKitBatchEventsJsonContext.Default, BatchEnvelopes.Sqs.OriginatingResolver);

            var services = new ServiceCollection();
            services.AddSingleton(new LambdaEnvironment(_ => null));
            services.AddLogging();
            services.AddSingleton<BatchProbe>();
            services.AddLambdaKit(o => o.AddJsonSerializerContext(SwitchJsonContext.Default));
            services.AddHttpApi(api => api.MapGet("/hello/{name}", r => HttpResults.Ok(new Hello(r.GetRouteValue("name")!))));
            services.AddSqsHandler<RawSqsHandler>();
            await using var provider = services.BuildServiceProvider();
            var dispatcher = provider.GetRequiredService<InvocationDispatcher>();

            var http = await DispatchAsync(dispatcher, provider, """{"version":"2.0","routeKey":"$default","rawPath":"/hello/ada","requestContext":{"http":{"method":"GET","path":"/hello/ada"},"stage":"$default"}}""");
            var sqs = await DispatchAsync(dispatcher, provider, """{"Records":[{"messageId":"m1","body":"ok","eventSource":"aws:sqs"},{"messageId":"m2","body":"fail","eventSource":"aws:sqs"}]}""");

            Assert.Equal("""{"Name":"ada"}""", http.GetProperty("body").GetString());
            Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m2"}]}""", sqs.GetRawText());
            var refused = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<JsonMetadata>().GetTypeInfo<Events.S3.S3Event>());
            Assert.Contains("LambdaKitEventTypeLookup=false", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            AppContext.SetSwitch(EventTypeLookup.SwitchName, true);
        }

        Assert.Same(LambdaKitEventsJsonContext.Default, HttpEnvelopes.HttpApiV2Request.OriginatingResolver);
        Assert.Same(LambdaKitEventsJsonContext.Default, BatchEnvelopes.Sqs.OriginatingResolver);
    }

    private static async Task<JsonElement> DispatchAsync(InvocationDispatcher dispatcher, IServiceProvider services, string json)
    {
        var output = new PooledBufferWriter();
        var context = new InvocationContext(new InvocationHeaders("r", DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds()), new LambdaEnvironment(_ => null), TimeProvider.System, new RecordingLogger(), false)
        {
            Payload = Encoding.UTF8.GetBytes(json),
            Output = output,
            Services = services,
        };
        await dispatcher.DispatchAsync(context);
        return JsonDocument.Parse(output.WrittenMemory).RootElement.Clone();
    }
}

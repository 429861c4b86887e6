using LambdaKit.Events.Config;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Sources;

public sealed class OtherSourcesRoutingTests
{
    private static SourceHarness Function() => SourceHarness.Create(services =>
    {
        services.AddSingleton<SourceProbe>();
        services.AddHandler<Events.Kafka.KafkaEvent, ProbeKafkaHandler>();
        services.AddHandler<Events.MQ.ActiveMQEvent, ProbeActiveMQHandler>();
        services.AddHandler<Events.MQ.RabbitMQEvent, ProbeRabbitMQHandler>();
        services.AddHandler<Events.CloudWatchLogs.CloudWatchLogsEvent, ProbeCloudWatchLogsHandler>();
        services.AddHandler<Events.AppSync.AppSyncResolverEvent<BookArguments>, string, BookResolver>();
        services.AddHandler<RawInput, RawProbeHandler>();
    });

    [Fact]
    public async Task Kafka_records_reach_the_handler_one_by_one_in_the_order_received()
    {
        await using var function = Function();

        await function.InvokeAsync(SourceHarness.Event("kafka/kafka-msk.json"));

        Assert.Equal(
            ["kafka orders/1@4120: {\"id\":77,\"total\":12.5}", "kafka orders/1@4121: second", "kafka orders/0@9: no key here"],
            function.Get<SourceProbe>().Seen);
    }

    [Fact]
    public async Task Self_managed_Kafka_goes_to_the_same_handler()
    {
        await using var function = Function();

        await function.InvokeAsync(SourceHarness.Event("kafka/kafka-self-managed.json"));

        Assert.Equal(["kafka payments/0@15: paid"], function.Get<SourceProbe>().Seen);
    }

    [Fact]
    public async Task Amazon_MQ_messages_reach_their_handlers_decoded()
    {
        await using var function = Function();

        await function.InvokeAsync(SourceHarness.Event("activemq/activemq-text-messages.json"));
        await function.InvokeAsync(SourceHarness.Event("rabbitmq/rabbitmq-two-queues.json"));

        Assert.Equal(
            ["activemq first order", "activemq second order", "rabbitmq invoices::/: {\"invoice\":1}", "rabbitmq refunds::prod-vhost: refund 42"],
            function.Get<SourceProbe>().Seen);
    }

    [Fact]
    public async Task CloudWatch_Logs_handler_gets_the_decoded_log_events()
    {
        await using var function = Function();

        await function.InvokeAsync(SourceHarness.Event("cloudwatch-logs/cloudwatch-logs-subscription.json"));

        Assert.Equal(3, function.Get<SourceProbe>().Seen.Count);
        Assert.Equal("logs /aws/lambda/checkout: payment declined: insufficient funds", function.Get<SourceProbe>().Seen.ElementAt(1));
    }

    [Fact]
    public async Task CloudWatch_Logs_control_message_is_acknowledged_without_calling_the_handler()
    {
        await using var function = Function();

        await function.InvokeAsync(SourceHarness.Event("cloudwatch-logs/cloudwatch-logs-control-message.json"));

        Assert.Empty(function.Get<SourceProbe>().Seen);
    }

    [Fact]
    public async Task Malformed_CloudWatch_Logs_data_fails_the_invocation_with_a_clear_error()
    {
        await using var function = Function();

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => function.InvokeAsync(SourceHarness.Event("cloudwatch-logs/malformed-cloudwatch-logs-not-gzip.json")));

        Assert.Contains("not gzip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSync_resolver_event_of_any_arguments_type_is_routed_and_answered()
    {
        await using var function = Function();

        var run = await function.InvokeAsync(SourceHarness.Event("appsync/appsync-resolver.json"));

        Assert.Equal("\"book book-12\"", run.Json);
        Assert.Equal(["appsync getBook(book-12, True)"], function.Get<SourceProbe>().Seen);
    }

    [Fact]
    public async Task Detected_source_without_a_handler_goes_to_the_raw_handler()
    {
        await using var function = Function();

        await function.InvokeAsync(SourceHarness.Event("config/config-rule-change.json"));

        Assert.Equal(["raw"], function.Get<SourceProbe>().Seen);
    }

    [Fact]
    public async Task Types_only_source_is_routed_to_its_typed_handler()
    {
        await using var function = SourceHarness.Create(services =>
        {
            services.AddSingleton<SourceProbe>();
            services.AddHandler<ConfigEvent, ConfigRuleHandler>();
            services.AddHandler<RawInput, RawProbeHandler>();
        });

        await function.InvokeAsync(SourceHarness.Event("config/config-rule-change.json"));
        await function.InvokeAsync("""{"name":"direct"}""");

        Assert.Equal(["config ConfigurationItemChangeNotification", "raw"], function.Get<SourceProbe>().Seen);
    }

    [Fact]
    public async Task Unhandled_new_source_without_a_raw_handler_is_named_in_the_error()
    {
        await using var function = SourceHarness.Create(services =>
        {
            services.AddSingleton<SourceProbe>();
            services.AddHandler<ConfigEvent, ConfigRuleHandler>();
            services.AddKinesisFirehoseHandler<UpperCaseFirehoseHandler>();
        });

        var error = await Assert.ThrowsAsync<UnknownEventSourceException>(
            () => function.InvokeAsync(SourceHarness.Event("kafka/kafka-msk.json")));

        Assert.Contains("Kafka batch", error.Message, StringComparison.Ordinal);
        Assert.Contains("UpperCaseFirehoseHandler (Firehose batch)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_of_a_second_handler_for_the_same_new_source_fails_at_start()
    {
        var services = new ServiceCollection();
        services.AddHandler<Events.Kafka.KafkaEvent, ProbeKafkaHandler>();
        services.AddHandler<Events.Kafka.KafkaEvent, ProbeKafkaHandler>();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<LambdaKit.Routing.InvocationDispatcher>());

        Assert.Contains("Two handlers are registered for Kafka batch", error.Message, StringComparison.Ordinal);
    }
}

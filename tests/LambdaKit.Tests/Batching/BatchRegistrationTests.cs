using LambdaKit.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LambdaKit.Tests.Batching;

public sealed class BatchRegistrationTests
{
    [Fact]
    public void Typed_handler_whose_payload_has_no_JSON_metadata_fails_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSqsHandler<UnregisteredPayloadHandler>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<InvocationDispatcher>());

        Assert.Contains("UnregisteredPayload", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddJsonSerializerContext", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, -1)]
    public void Invalid_batch_options_fail_at_start_up(int parallelism, int estimateMs)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLambdaKit(o => o.AddJsonSerializerContext(BatchTestJsonContext.Default));
        services.AddSqsHandler<TestSqsHandler>(o =>
        {
            o.MaxDegreeOfParallelism = parallelism;
            o.RecordTimeEstimate = TimeSpan.FromMilliseconds(estimateMs);
        });
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<InvocationDispatcher>());
    }

    [Fact]
    public void Options_are_kept_per_source()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLambdaKit(o => o.AddJsonSerializerContext(BatchTestJsonContext.Default));
        services.AddSqsHandler<TestSqsHandler>(o => o.MaxDegreeOfParallelism = 4);
        services.AddKinesisHandler<TestKinesisHandler>(o => o.RecordTimeEstimate = TimeSpan.FromSeconds(1));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<BatchOptions>>();
        Assert.Equal(4, options.Get("Sqs").MaxDegreeOfParallelism);
        Assert.Equal(TimeSpan.Zero, options.Get("Sqs").RecordTimeEstimate);
        Assert.Equal(1, options.Get("Kinesis").MaxDegreeOfParallelism);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Get("Kinesis").RecordTimeEstimate);
        Assert.NotNull(provider.GetRequiredService<InvocationDispatcher>());
    }

    [Fact]
    public void Handler_is_scoped_and_registered_once_per_source()
    {
        var services = new ServiceCollection();
        services.AddSqsHandler<TestSqsHandler>();
        services.AddDynamoDbHandler<TestDynamoDbHandler>();

        Assert.Equal(ServiceLifetime.Scoped, Assert.Single(services, d => d.ServiceType == typeof(TestSqsHandler)).Lifetime);
        var registrations = services.Where(d => d.ServiceType == typeof(HandlerRegistration)).Select(d => (HandlerRegistration)d.ImplementationInstance!).ToList();
        Assert.Equal([Events.EventSourceKind.Sqs], registrations[0].Sources);
        Assert.Equal([Events.EventSourceKind.DynamoDb], registrations[1].Sources);
        Assert.Equal("TestSqsHandler (SQS batch)", registrations[0].Name);
    }
}

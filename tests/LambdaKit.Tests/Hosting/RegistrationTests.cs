using System.Text;
using System.Text.Json.Serialization;
using LambdaKit.Testing;
using LambdaKit.Tests.Batching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LambdaKit.Tests.Hosting;

/// <summary>
/// Registration is idempotent where it should be, and every options type is validated when the function starts: a bad
/// value fails the init phase (here, the first in-process invocation) with a message that names the option and its value.
/// </summary>
[Collection(ProcessExitCodeTests.Name)]
public sealed partial class RegistrationTests
{
    internal sealed class Echo : ILambdaHandler<string, string>
    {
        public ValueTask<string> HandleAsync(string input, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.FromResult(input);
    }

    internal sealed class Count : ILambdaHandler<int>
    {
        public ValueTask HandleAsync(int input, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    [JsonSerializable(typeof(string))]
    [JsonSerializable(typeof(int))]
    internal sealed partial class RegistrationJsonContext : JsonSerializerContext;

    [Fact]
    public void AddLambdaKit_called_many_times_registers_what_one_call_registers()
    {
        var once = new ServiceCollection().AddLambdaKit();
        var many = new ServiceCollection();
        for (var i = 0; i < 5; i++)
        {
            many.AddLambdaKit();
        }

        Assert.Equal(ServiceTypes(once), ServiceTypes(many));
        Assert.Single(many, d => d.ServiceType == typeof(IValidateOptions<LambdaKitOptions>));
        Assert.Single(many, d => d.ServiceType == typeof(IValidateOptions<LambdaLoggingOptions>));
    }

    [Fact]
    public void Each_handler_adds_only_its_own_registrations()
    {
        var once = new ServiceCollection().AddLambdaKit();
        var services = new ServiceCollection()
            .AddLambdaKit()
            .AddHandler<string, string, Echo>()
            .AddHandler<int, Count>()
            .AddLambdaLogging(o => o.EnableMetrics = true)
            .AddLambdaKit();

        // Each handler: the handler itself (scoped) and its registration; logging: its one configuration.
        Assert.Equal(once.Count + 2 + 2 + 1, services.Count);
    }

    [Fact]
    public void The_obsolete_ConfigureLambdaLogging_still_configures_and_validates_logging()
    {
#pragma warning disable CS0618 // The alias kept for the shipped API is what is tested.
        var services = new ServiceCollection().ConfigureLambdaLogging(o => o.MetricsNamespace = "Orders");
#pragma warning restore CS0618
        using var provider = services.BuildServiceProvider();

        Assert.Equal("Orders", provider.GetRequiredService<IOptions<LambdaLoggingOptions>>().Value.MetricsNamespace);
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<LambdaLoggingOptions>));
    }

    [Fact]
    public async Task Options_configured_by_later_calls_still_apply_and_are_still_validated()
    {
        var services = new ServiceCollection()
            .AddLambdaKit(o => o.CancellationMargin = TimeSpan.FromSeconds(2))
            .AddHandler<string, string, Echo>()
            .AddLambdaKit(o => o.MaxConcurrency = 3);
        await using (var provider = services.BuildServiceProvider())
        {
            var options = provider.GetRequiredService<IOptions<LambdaKitOptions>>().Value;
            Assert.Equal(TimeSpan.FromSeconds(2), options.CancellationMargin);
            Assert.Equal(3, options.MaxConcurrency);
            provider.GetRequiredService<IStartupValidator>().Validate();
        }

        services.AddLambdaKit(o => o.MaxConcurrency = 0);
        await using (var provider = services.BuildServiceProvider())
        {
            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
            Assert.Contains("LambdaKitOptions.MaxConcurrency", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Valid_options_of_every_type_start()
    {
        await using var host = Host(services => services
            .AddLambdaKit(o => o.CancellationMargin = TimeSpan.Zero)
            .AddLambdaLogging(o => o.MaxBufferedBytes = 1024)
            .AddSqsHandler<TestSqsHandler>(o => o.MaxDegreeOfParallelism = 1)
            .AddWarmState((_, _) => ValueTask.FromResult(new Uri("https://example.com")), o => o.TimeToLive = TimeSpan.FromTicks(1)));

        var result = await host.InvokeAsync("\"hi\"");

        Assert.True(result.IsSuccess);
    }

    [Theory]
    [InlineData("margin", "LambdaKitOptions.CancellationMargin must not be negative (it is -00:00:00.0010000).")]
    [InlineData("concurrency", "LambdaKitOptions.MaxConcurrency must be positive, or null to follow AWS_LAMBDA_MAX_CONCURRENCY (it is 0).")]
    [InlineData("collection", "LambdaKitOptions.GarbageCollectionThreshold must be positive, or null to leave collections to the runtime (it is 0).")]
    [InlineData("buffer", "LambdaLoggingOptions.MaxBufferedBytes must be at least 1024 (it is 1023).")]
    [InlineData("wait", "LambdaLoggingOptions.FullBufferWait must not be negative (it is -00:00:01).")]
    [InlineData("namespace", "LambdaLoggingOptions.MetricsNamespace must not be empty.")]
    [InlineData("format", "LambdaLoggingOptions.Format must be Text, Json or null to follow AWS_LAMBDA_LOG_FORMAT (it is 7).")]
    [InlineData("parallelism", "BatchOptions.MaxDegreeOfParallelism of the Sqs handler must be at least 1 (it is 0).")]
    [InlineData("estimate", "BatchOptions.RecordTimeEstimate of the Kinesis handler must not be negative (it is -00:00:01).")]
    [InlineData("ttl", "WarmStateOptions.TimeToLive of the warm state of System.Uri must be positive, or null for no expiry (it is 00:00:00).")]
    [InlineData("dispose delay", "WarmStateOptions.ReplacedValueDisposeDelay of the warm state of System.Uri must not be negative (it is -00:00:01).")]
    public async Task Invalid_option_fails_start_with_a_message_naming_it(string invalid, string message)
    {
        await using var host = Host(services =>
        {
            switch (invalid)
            {
                case "margin":
                    services.AddLambdaKit(o => o.CancellationMargin = TimeSpan.FromMilliseconds(-1));
                    break;
                case "concurrency":
                    services.AddLambdaKit(o => o.MaxConcurrency = 0);
                    break;
                case "collection":
                    services.AddLambdaKit(o => o.GarbageCollectionThreshold = 0);
                    break;
                case "buffer":
                    services.AddLambdaLogging(o => o.MaxBufferedBytes = 1023);
                    break;
                case "wait":
                    services.AddLambdaLogging(o => o.FullBufferWait = TimeSpan.FromSeconds(-1));
                    break;
                case "namespace":
                    services.AddLambdaLogging(o => o.MetricsNamespace = " ");
                    break;
                case "format":
                    services.AddLambdaLogging(o => o.Format = (LambdaLogFormat)7);
                    break;
                case "parallelism":
                    services.AddSqsHandler<TestSqsHandler>(o => o.MaxDegreeOfParallelism = 0);
                    break;
                case "estimate":
                    services.AddKinesisHandler<TestKinesisHandler>(o => o.RecordTimeEstimate = TimeSpan.FromSeconds(-1));
                    break;
                case "ttl":
                    services.AddWarmState((_, _) => ValueTask.FromResult(new Uri("https://example.com")), o => o.TimeToLive = TimeSpan.Zero);
                    break;
                case "dispose delay":
                    services.AddWarmState((_, _) => ValueTask.FromResult(new Uri("https://example.com")), o => o.ReplacedValueDisposeDelay = TimeSpan.FromSeconds(-1));
                    break;
            }
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.InvokeAsync("\"hi\""));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Invalid_options_of_a_real_run_are_an_init_error_and_no_invocation_is_asked_for()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        var environment = new LambdaEnvironment(name => name switch
        {
            "AWS_LAMBDA_RUNTIME_API" => api.RuntimeApiAddress,
            "AWS_LAMBDA_FUNCTION_NAME" => "misconfigured",
            _ => null,
        });
        var builder = new LambdaApplicationBuilder([], environment);
        builder.Services.AddLambdaKit(o => o.AddJsonSerializerContext(RegistrationJsonContext.Default));
        builder.Services.AddHandler<string, string, Echo>();
        builder.Services.AddWarmState((_, _) => ValueTask.FromResult(new Uri("https://example.com")), o => o.TimeToLive = TimeSpan.FromSeconds(-5));
        await using var app = builder.Build();

        await app.RunAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var report = await api.InitError.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("WarmStateOptions.TimeToLive of the warm state of System.Uri must be positive", Encoding.UTF8.GetString(report.Body.Span), StringComparison.Ordinal);
        Assert.Equal(0, api.NextCalls);
        Assert.Equal(LambdaApplication.InitFailedExitCode, Environment.ExitCode);
        Environment.ExitCode = 0;
    }

    [Fact]
    public void Replaced_warm_state_is_validated_with_its_new_options_only()
    {
        var services = new ServiceCollection()
            .AddWarmState((_, _) => ValueTask.FromResult(new Uri("https://example.com")), o => o.TimeToLive = TimeSpan.Zero)
            .AddWarmState((_, _) => ValueTask.FromResult(new Uri("https://example.com")), o => o.WarmUpAtStart = true);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptionsMonitor<WarmStateOptions>>().Get(typeof(Uri).FullName);
        Assert.Null(options.TimeToLive);
        Assert.True(options.WarmUpAtStart);
    }

    private static LambdaTestHost Host(Action<IServiceCollection> configure) => LambdaTestHost.Create(builder =>
    {
        builder.Services.AddLambdaKit(o => o.AddJsonSerializerContext(RegistrationJsonContext.Default).AddJsonSerializerContext(BatchTestJsonContext.Default));
        builder.Services.AddSingleton<BatchProbe>();
        builder.Services.AddHandler<string, string, Echo>();
        configure(builder.Services);
    });

    private static List<string> ServiceTypes(IServiceCollection services)
        => [.. services.Select(d => d.ServiceType.FullName!).Order(StringComparer.Ordinal)];
}

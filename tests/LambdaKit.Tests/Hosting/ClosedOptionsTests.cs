using LambdaKit.Hosting;
using LambdaKit.Invocation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LambdaKit.Tests.Hosting;

/// <summary>
/// The Options and Logging services LambdaKit resolves at start are registered closed, by constructor calls (no
/// MakeGenericType at the first resolution: Native AOT would build those types at run time), and behave as the open
/// registrations of AddOptions/AddLogging would: configuration, validation, monitor, an application's own registration.
/// </summary>
public sealed class ClosedOptionsTests
{
    public static TheoryData<Type> StartUpServices => new()
    {
        typeof(IOptions<LambdaKitOptions>),
        typeof(IOptionsFactory<LambdaKitOptions>),
        typeof(IOptionsMonitor<LambdaKitOptions>),
        typeof(IOptionsMonitorCache<LambdaKitOptions>),
        typeof(IOptions<LambdaLoggingOptions>),
        typeof(IOptionsMonitor<LambdaLoggingOptions>),
        typeof(ILogger<LambdaRuntimeLoop>),
        typeof(IOptionsMonitor<LoggerFilterOptions>),
        typeof(IOptions<LoggerFactoryOptions>),
    };

    [Theory]
    [MemberData(nameof(StartUpServices))]
    public void A_service_resolved_at_start_is_registered_closed_by_a_factory(Type serviceType)
    {
        var services = LambdaApplication.CreateBuilder().Services;

        var descriptor = Assert.Single(services, d => d.ServiceType == serviceType);
        Assert.NotNull(descriptor.ImplementationFactory);
    }

    public static TheoryData<string, Type> RegistrationServices => new()
    {
        { "sqs", typeof(IOptionsMonitor<BatchOptions>) },
        { "sqs", typeof(ILogger<LambdaKit.Batching.BatchLog>) },
        { "warm", typeof(IOptionsMonitor<WarmStateOptions>) },
        { "http", typeof(ILogger<LambdaKit.Routing.Http.HttpRouter>) },
    };

    [Theory]
    [MemberData(nameof(RegistrationServices))]
    public void A_registration_closes_the_options_and_logger_it_resolves_when_the_function_starts(string registration, Type serviceType)
    {
        var services = new ServiceCollection();
        _ = registration switch
        {
            "sqs" => services.AddSqsHandler<LambdaKit.Tests.Batching.RawSqsHandler>(),
            "warm" => services.AddWarmState((_, _) => ValueTask.FromResult(new object())),
            _ => services.AddHttpApi(api => api.MapGet("/", (_, _) => ValueTask.FromResult(HttpResults.Text("ok")))),
        };

        var descriptor = Assert.Single(services, d => d.ServiceType == serviceType);
        Assert.NotNull(descriptor.ImplementationFactory);
    }

    [Fact]
    public void Closed_options_see_configuration_and_post_configuration_in_order()
    {
        using var provider = new ServiceCollection()
            .AddLambdaKit(o => o.CancellationMargin = TimeSpan.FromMilliseconds(250))
            .PostConfigure<LambdaKitOptions>(o => o.CancellationMargin += TimeSpan.FromMilliseconds(1))
            .BuildServiceProvider();

        Assert.IsType<OptionsManager<LambdaKitOptions>>(provider.GetRequiredService<IOptions<LambdaKitOptions>>());
        Assert.Equal(TimeSpan.FromMilliseconds(251), provider.GetRequiredService<IOptions<LambdaKitOptions>>().Value.CancellationMargin);
        Assert.Equal(TimeSpan.FromMilliseconds(251), provider.GetRequiredService<IOptionsMonitor<LambdaKitOptions>>().CurrentValue.CancellationMargin);
    }

    [Fact]
    public void Closed_options_still_run_the_validators()
    {
        using var provider = new ServiceCollection()
            .AddLambdaKit(o => o.CancellationMargin = TimeSpan.FromMilliseconds(-1))
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LambdaKitOptions>>().Value);
        Assert.Contains("CancellationMargin", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_applications_own_registration_of_a_closed_options_service_wins()
    {
        var mine = Options.Create(new LambdaKitOptions { CancellationMargin = TimeSpan.FromSeconds(2) });
        using var provider = new ServiceCollection()
            .AddSingleton(mine)
            .AddLambdaKit()
            .BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IOptions<LambdaKitOptions>>());
    }

    [Fact]
    public void The_closed_logger_is_created_under_its_categorys_name()
    {
        var builder = LambdaApplication.CreateBuilder();
        var categories = new List<string>();
        builder.Services.AddSingleton<ILoggerProvider>(new CategoryRecorder(categories));
        using var provider = builder.Services.BuildServiceProvider();

        var logger = provider.GetRequiredService<ILogger<LambdaRuntimeLoop>>();

        Assert.IsType<Logger<LambdaRuntimeLoop>>(logger);
        Assert.Contains(typeof(LambdaRuntimeLoop).FullName!, categories);
    }

    private sealed class CategoryRecorder(List<string> categories) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName)
        {
            categories.Add(categoryName);
            return Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        }

        public void Dispose()
        {
        }
    }
}

using LambdaKit.Hosting;
using LambdaKit.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LambdaKit;

/// <summary>
/// Builds a <see cref="LambdaApplication"/>: services, logging and the handler, in the spirit of
/// <c>WebApplication.CreateSlimBuilder</c>. Only what the function uses is paid for at start-up.
/// </summary>
public sealed class LambdaApplicationBuilder
{
    private readonly InitErrorReporter _initErrors;

    internal LambdaApplicationBuilder(string[] args, LambdaEnvironment environment)
    {
        _initErrors = InitErrorReporter.Create(environment);
        Args = args;
        Environment = environment;
        Services = new ServiceCollection();
        Services.AddSingleton(environment);
        Services.AddLambdaKit();
        Logging = new LoggingBuilder(Services);
        // Registered before AddLogging, whose own registration of it (by type, so by constructor reflection) then does nothing.
        Services.TryAddSingleton<ILoggerFactory>(static sp => new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()));
        Services.AddLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LambdaLogWriter.ParseLevel(environment.LogLevel));
        });
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, LambdaLoggerProvider>(static sp => new LambdaLoggerProvider(sp.GetRequiredService<LambdaLogWriter>())));
        ClosedOptions.Register<LoggerFilterOptions>(Services);
        ClosedOptions.Register<LoggerFactoryOptions>(Services);
    }

    /// <summary>The arguments given to <see cref="LambdaApplication.CreateBuilder"/> (empty when it was given <see langword="null"/>); LambdaKit itself reads none of them.</summary>
    public IReadOnlyList<string> Args { get; }

    /// <summary>The Lambda environment variables of this process.</summary>
    public LambdaEnvironment Environment { get; }

    /// <summary>The services of the function; register handlers here.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds <c>ILogger</c> providers and filters. LambdaKit's stdout provider is already added, with the minimum level of
    /// <c>AWS_LAMBDA_LOG_LEVEL</c>; its format and buffer are set with <c>Services.AddLambdaLogging</c>.
    /// </summary>
    public ILoggingBuilder Logging { get; }

    /// <summary>
    /// Builds the application. Never throws: a failure (for example a DI validation error) is kept and
    /// reported to <c>/init/error</c> by <see cref="LambdaApplication.RunAsync"/>.
    /// </summary>
    /// <returns>The application; when building failed, one whose <see cref="LambdaApplication.RunAsync"/> reports the failure.</returns>
    public LambdaApplication Build()
    {
        try
        {
            InProcessHost.Current?.Configure?.Invoke(this);
            var provider = Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = false });
            return new LambdaApplication(provider, _initErrors, startupFailure: null);
        }
        catch (Exception exception)
        {
            return new LambdaApplication(null, _initErrors, exception);
        }
    }

    private sealed class LoggingBuilder(IServiceCollection services) : ILoggingBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}

using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LambdaKit.Hosting;

/// <summary>
/// Closed registrations, by constructor calls, of the Options and Logging services that LambdaKit resolves while a
/// function starts. <c>AddOptions</c> and <c>AddLogging</c> register open generics (<c>IOptions&lt;&gt;</c> →
/// <c>OptionsManager&lt;&gt;</c>, <c>ILogger&lt;&gt;</c> → <c>Logger&lt;&gt;</c>), which the service provider closes
/// with <see cref="Type.MakeGenericType"/> at the first resolution: in Native AOT each such type is then built by the
/// runtime's type loader (13 of them in HelloWorld's start, 5 ms of CPU in all), where a type the compiler saw closed is
/// already in the executable. The implementations and lifetimes are those the open registrations would give; a
/// registration the application made for the same closed service wins (TryAdd).
/// </summary>
internal static class ClosedOptions
{
    /// <summary>Closed <c>IOptions</c>, <c>IOptionsFactory</c>, <c>IOptionsMonitor</c> and <c>IOptionsMonitorCache</c> of <typeparamref name="TOptions"/>.</summary>
    public static void Register<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceCollection services)
        where TOptions : class
    {
        services.TryAddSingleton<IOptions<TOptions>>(sp => new OptionsManager<TOptions>(sp.GetRequiredService<IOptionsFactory<TOptions>>()));
        services.TryAddTransient<IOptionsFactory<TOptions>>(sp => new OptionsFactory<TOptions>(
            sp.GetServices<IConfigureOptions<TOptions>>(), sp.GetServices<IPostConfigureOptions<TOptions>>(), sp.GetServices<IValidateOptions<TOptions>>()));
        services.TryAddSingleton<IOptionsMonitorCache<TOptions>>(_ => new OptionsCache<TOptions>());
        services.TryAddSingleton<IOptionsMonitor<TOptions>>(sp => new OptionsMonitor<TOptions>(
            sp.GetRequiredService<IOptionsFactory<TOptions>>(), sp.GetServices<IOptionsChangeTokenSource<TOptions>>(), sp.GetRequiredService<IOptionsMonitorCache<TOptions>>()));
    }

    /// <summary>A closed <c>ILogger&lt;<typeparamref name="TCategory"/>&gt;</c>, singleton as <c>AddLogging</c>'s open one.</summary>
    public static void RegisterLogger<TCategory>(IServiceCollection services)
        => services.TryAddSingleton<ILogger<TCategory>>(sp => new Logger<TCategory>(sp.GetRequiredService<ILoggerFactory>()));
}

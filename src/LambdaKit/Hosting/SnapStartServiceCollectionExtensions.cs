using System.Diagnostics.CodeAnalysis;
using LambdaKit;
using LambdaKit.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Lambda SnapStart hooks (<see cref="ILambdaSnapshotHook"/>).</summary>
public static class SnapStartServiceCollectionExtensions
{
    /// <summary>
    /// Registers a hook that runs before the SnapStart snapshot and after its restore, as a singleton. Registering the same
    /// type twice registers it once. Hooks run only when <c>AWS_LAMBDA_INITIALIZATION_TYPE</c> is <c>snap-start</c>.
    /// </summary>
    /// <typeparam name="THook">The hook type, built from the root services.</typeparam>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddSnapshotHook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THook>(this IServiceCollection services)
        where THook : class, ILambdaSnapshotHook
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILambdaSnapshotHook, THook>());
        return services;
    }

    /// <summary>
    /// Adds the built-in before-snapshot hook that primes the invocation pipeline for SnapStart, so that a restored copy of
    /// the function has little left to compile at its first invocation: the event-source detector, the JSON reader of every
    /// registered handler's event type and the reader and writer of its response type, a DI scope in which each handler is
    /// constructed (its constructor runs; its method is never called, no fake event reaches user code). Runs only when
    /// <c>AWS_LAMBDA_INITIALIZATION_TYPE</c> is <c>snap-start</c>, after the hooks registered before it; a priming failure is
    /// logged at Debug level, never thrown. Calling it twice registers the hook once.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSnapStartPriming(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSnapshotHook<SnapStartPrimingHook>();
    }
}

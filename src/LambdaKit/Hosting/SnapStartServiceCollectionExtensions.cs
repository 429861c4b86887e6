using System.Diagnostics.CodeAnalysis;
using LambdaKit;
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
}

namespace LambdaKit.Testing;

/// <summary>A settable <see cref="IClientApplication"/> for <see cref="TestClientContext.Client"/>.</summary>
public sealed class TestClientApplication : IClientApplication
{
    /// <inheritdoc />
    public string? AppPackageName { get; set; }

    /// <inheritdoc />
    public string? AppTitle { get; set; }

    /// <inheritdoc />
    public string? AppVersionCode { get; set; }

    /// <inheritdoc />
    public string? AppVersionName { get; set; }

    /// <inheritdoc />
    public string? InstallationId { get; set; }
}

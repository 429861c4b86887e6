namespace LambdaKit.Testing;

/// <summary>A settable <see cref="IClientContext"/> for <see cref="TestLambdaContext.ClientContext"/>.</summary>
public sealed class TestClientContext : IClientContext
{
    /// <inheritdoc />
    public IDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public IClientApplication? Client { get; set; }

    /// <inheritdoc />
    public IDictionary<string, string> Custom { get; set; } = new Dictionary<string, string>();
}

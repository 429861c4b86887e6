namespace LambdaKit.Testing;

/// <summary>A settable <see cref="ICognitoIdentity"/> for <see cref="TestLambdaContext.Identity"/>.</summary>
public sealed class TestCognitoIdentity : ICognitoIdentity
{
    /// <inheritdoc />
    public string? IdentityId { get; set; }

    /// <inheritdoc />
    public string? IdentityPoolId { get; set; }
}

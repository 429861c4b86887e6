using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// The free-form <c>requestContext.authorizer</c> object of an API Gateway REST API (v1) proxy request: the context
/// returned by a Lambda authorizer, or the <c>claims</c> of a Cognito user pool authorizer. Values are kept as
/// <see cref="JsonElement"/>s so that any JSON the authorizer returned round-trips unchanged.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Name mirrors Amazon.Lambda.APIGatewayEvents so that handlers port by a change of using.")]
public sealed class APIGatewayCustomAuthorizerContext : Dictionary<string, JsonElement>
{
    /// <summary>Initializes a new, empty authorizer context (keys are compared ordinally, as JSON member names are).</summary>
    public APIGatewayCustomAuthorizerContext()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Gets the <c>principalId</c> the authorizer returned, or <see langword="null"/> when there is none or it is not a string.</summary>
    public string? PrincipalId => TryGetString("principalId", out var value) ? value : null;

    /// <summary>Gets the value of <paramref name="key"/> when it is present and a JSON string.</summary>
    /// <param name="key">The member name.</param>
    /// <param name="value">The string value, when this method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="key"/> is present and holds a string.</returns>
    public bool TryGetString(string key, [NotNullWhen(true)] out string? value)
    {
        if (TryGetValue(key, out var element) && element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return true;
        }

        value = null;
        return false;
    }
}

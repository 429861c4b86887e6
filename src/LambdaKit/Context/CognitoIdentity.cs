using System.Text.Json;
using LambdaKit.Serialization;

namespace LambdaKit.Context;

/// <summary>The parsed <c>Lambda-Runtime-Cognito-Identity</c> header.</summary>
internal sealed class CognitoIdentity : ICognitoIdentity
{
    public string? IdentityId { get; private init; }

    public string? IdentityPoolId { get; private init; }

    /// <summary>Parses the header; <see langword="null"/> when absent or not a JSON object.</summary>
    public static CognitoIdentity? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new CognitoIdentity
            {
                IdentityId = JsonElementReaders.GetString(document.RootElement, "cognitoIdentityId"),
                IdentityPoolId = JsonElementReaders.GetString(document.RootElement, "cognitoIdentityPoolId"),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text.Json.Serialization;
using LambdaKit.Events.Serialization;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// The IAM policy of a Lambda authorizer's answer. Mirrors <c>Amazon.Lambda.APIGatewayEvents.APIGatewayCustomAuthorizerPolicy</c>.
/// </summary>
public sealed class APIGatewayCustomAuthorizerPolicy
{
    /// <summary>Gets or sets the policy language version, <c>2012-10-17</c>.</summary>
    [JsonPropertyName("Version")]
    public string? Version { get; set; } = "2012-10-17";

    /// <summary>Gets or sets the statements of the policy.</summary>
    [JsonPropertyName("Statement")]
    public IList<IAMPolicyStatement> Statement { get; set; } = [];

    /// <summary>
    /// Creates a policy of one statement that allows or denies <c>execute-api:Invoke</c> on <paramref name="resource"/>:
    /// <c>{"Action":"execute-api:Invoke","Effect":"Allow","Resource":["…"]}</c>.
    /// </summary>
    /// <param name="allow"><see langword="true"/> for <c>Allow</c>, <see langword="false"/> for <c>Deny</c>.</param>
    /// <param name="resource">The method ARN (or a pattern of method ARNs) the statement is about.</param>
    /// <returns>The policy.</returns>
    public static APIGatewayCustomAuthorizerPolicy ForInvoke(bool allow, string resource) => new()
    {
        Statement = [new IAMPolicyStatement { Effect = allow ? "Allow" : "Deny", Action = StringOrArrayConverter.OneString("execute-api:Invoke"), Resource = [resource] }],
    };

    /// <summary>One statement of an IAM policy.</summary>
    public sealed class IAMPolicyStatement
    {
        /// <summary>Gets or sets the actions, usually <c>execute-api:Invoke</c> (one string or an array in JSON, written back as it came).</summary>
        [JsonPropertyName("Action")]
        [JsonConverter(typeof(StringOrArrayConverter))]
        public IList<string> Action { get; set; } = [];

        /// <summary>Gets or sets <c>Allow</c> or <c>Deny</c>.</summary>
        [JsonPropertyName("Effect")]
        public string? Effect { get; set; }

        /// <summary>Gets or sets the method ARNs (patterns allowed) the statement applies to (one string or an array in JSON, written back as it came).</summary>
        [JsonPropertyName("Resource")]
        [JsonConverter(typeof(StringOrArrayConverter))]
        public IList<string> Resource { get; set; } = [];
    }
}

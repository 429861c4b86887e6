using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.AppSync;

/// <summary>
/// An AWS AppSync Lambda authorizer request; answer with an <see cref="AppSyncAuthorizerResult"/>.
/// Mirrors <c>Amazon.Lambda.AppSyncEvents.AppSyncAuthorizerEvent</c>.
/// </summary>
public sealed class AppSyncAuthorizerEvent
{
    /// <summary>Gets or sets the token of the <c>Authorization</c> header.</summary>
    [JsonPropertyName("authorizationToken")]
    public string? AuthorizationToken { get; set; }

    /// <summary>Gets or sets the request headers.</summary>
    [JsonPropertyName("requestHeaders")]
    public Dictionary<string, string>? RequestHeaders { get; set; }

    /// <summary>Gets or sets the GraphQL request being authorized.</summary>
    [JsonPropertyName("requestContext")]
    public AppSyncAuthorizerRequestContext? RequestContext { get; set; }

    /// <summary>The GraphQL request an AppSync authorizer is asked about.</summary>
    public sealed class AppSyncAuthorizerRequestContext
    {
        /// <summary>Gets or sets the AppSync API identifier.</summary>
        [JsonPropertyName("apiId")]
        public string? ApiId { get; set; }

        /// <summary>Gets or sets the AWS account of the API.</summary>
        [JsonPropertyName("accountId")]
        public string? AccountId { get; set; }

        /// <summary>Gets or sets the request identifier.</summary>
        [JsonPropertyName("requestId")]
        public string? RequestId { get; set; }

        /// <summary>Gets or sets the GraphQL query text.</summary>
        [JsonPropertyName("queryString")]
        public string? QueryString { get; set; }

        /// <summary>Gets or sets the operation name.</summary>
        [JsonPropertyName("operationName")]
        public string? OperationName { get; set; }

        /// <summary>Gets or sets the variables of the operation.</summary>
        [JsonPropertyName("variables")]
        public Dictionary<string, JsonElement>? Variables { get; set; }
    }
}

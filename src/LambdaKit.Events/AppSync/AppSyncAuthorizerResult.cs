using System.Text.Json.Serialization;

namespace LambdaKit.Events.AppSync;

/// <summary>The answer of an AppSync Lambda authorizer. Mirrors <c>Amazon.Lambda.AppSyncEvents.AppSyncAuthorizerResult</c>.</summary>
public sealed class AppSyncAuthorizerResult
{
    /// <summary>Gets or sets whether the request is allowed.</summary>
    [JsonPropertyName("isAuthorized")]
    public bool IsAuthorized { get; set; }

    /// <summary>Gets or sets values passed to resolvers as <c>$ctx.identity.resolverContext</c>.</summary>
    [JsonPropertyName("resolverContext")]
    public Dictionary<string, string>? ResolverContext { get; set; }

    /// <summary>Gets or sets fields forced to null in the answer (<c>TypeName.FieldName</c> or ARNs).</summary>
    [JsonPropertyName("deniedFields")]
    public List<string>? DeniedFields { get; set; }

    /// <summary>Gets or sets how long, in seconds, the answer may be cached (0: not cached).</summary>
    [JsonPropertyName("ttlOverride")]
    public int? TtlOverride { get; set; }
}

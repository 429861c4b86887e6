using System.Text.Json.Serialization;

namespace LambdaKit.Events.AppSync;

/// <summary>The HTTP request of an AppSync resolver invocation (Amazon's <c>RequestContext</c>).</summary>
public sealed class AppSyncRequestContext
{
    /// <summary>Gets or sets the request headers.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Gets or sets the custom domain name (JSON null, written back as null, when none was used).</summary>
    [JsonPropertyName("domainName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? DomainName { get; set; }
}

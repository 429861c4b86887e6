using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.AppSync;

/// <summary>
/// An AWS AppSync direct Lambda resolver invocation. Mirrors <c>Amazon.Lambda.AppSyncEvents.AppSyncResolverEvent&lt;TArguments&gt;</c>;
/// register <c>AppSyncResolverEvent&lt;MyArguments&gt;</c> in a JSON context of your own, or use <see cref="JsonElement"/>.
/// </summary>
/// <remarks><c>identity</c>, <c>source</c> and <c>prev</c> are always sent, JSON null when empty, and written back the same way.</remarks>
/// <typeparam name="TArguments">The type of the GraphQL field's arguments.</typeparam>
public sealed class AppSyncResolverEvent<TArguments>
{
    /// <summary>Gets or sets the arguments of the GraphQL field.</summary>
    [JsonPropertyName("arguments")]
    public TArguments? Arguments { get; set; }

    /// <summary>Gets or sets the caller's identity; its shape depends on the authorization mode (absent or null for API keys).</summary>
    [JsonPropertyName("identity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Identity { get; set; }

    /// <summary>Gets or sets the parent object's resolved value (for a nested field).</summary>
    [JsonPropertyName("source")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Source { get; set; }

    /// <summary>Gets or sets the HTTP request that reached AppSync.</summary>
    [JsonPropertyName("request")]
    public AppSyncRequestContext? Request { get; set; }

    /// <summary>Gets or sets the result of the previous function of a pipeline resolver.</summary>
    [JsonPropertyName("prev")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public JsonElement? Prev { get; set; }

    /// <summary>Gets or sets the GraphQL operation.</summary>
    [JsonPropertyName("info")]
    public AppSyncInformation? Info { get; set; }

    /// <summary>Gets or sets the stash shared by the functions of a pipeline resolver.</summary>
    [JsonPropertyName("stash")]
    public Dictionary<string, JsonElement>? Stash { get; set; }
}

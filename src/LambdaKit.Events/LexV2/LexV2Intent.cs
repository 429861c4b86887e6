using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.LexV2;

/// <summary>An intent of a Lex V2 conversation. Mirrors <c>Amazon.Lambda.LexV2Events.LexV2Intent</c>.</summary>
public sealed class LexV2Intent
{
    /// <summary>Gets or sets the intent name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets the slots; a slot not filled is JSON null, a filled one is kept as received (<c>{"value":{…}}</c>).</summary>
    [JsonPropertyName("slots")]
    public Dictionary<string, JsonElement>? Slots { get; set; }

    /// <summary>Gets or sets <c>Failed</c>, <c>Fulfilled</c>, <c>InProgress</c>, <c>ReadyForFulfillment</c>, <c>Waiting</c>…</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    /// <summary>Gets or sets <c>Confirmed</c>, <c>Denied</c> or <c>None</c>.</summary>
    [JsonPropertyName("confirmationState")]
    public string? ConfirmationState { get; set; }

    /// <summary>Gets or sets the Kendra response of a <c>KendraSearchIntent</c>, when sent.</summary>
    [JsonPropertyName("kendraResponse")]
    public JsonElement? KendraResponse { get; set; }
}

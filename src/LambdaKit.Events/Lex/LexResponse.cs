using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Lex;

/// <summary>The answer to a <see cref="LexEvent"/>. Mirrors <c>Amazon.Lambda.LexEvents.LexResponse</c>.</summary>
public sealed class LexResponse
{
    /// <summary>Gets or sets the session attributes to keep.</summary>
    [JsonPropertyName("sessionAttributes")]
    public Dictionary<string, string>? SessionAttributes { get; set; }

    /// <summary>Gets or sets what Lex does next.</summary>
    [JsonPropertyName("dialogAction")]
    public LexDialogAction? DialogAction { get; set; }

    /// <summary>Gets or sets the active contexts to set.</summary>
    [JsonPropertyName("activeContexts")]
    public List<JsonElement>? ActiveContexts { get; set; }

    /// <summary>Gets or sets the recent intents to set.</summary>
    [JsonPropertyName("recentIntentSummaryView")]
    public List<JsonElement>? RecentIntentSummaryView { get; set; }

    /// <summary>What Lex does next.</summary>
    public sealed class LexDialogAction
    {
        /// <summary>Gets or sets <c>ElicitIntent</c>, <c>ElicitSlot</c>, <c>ConfirmIntent</c>, <c>Delegate</c> or <c>Close</c>.</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        /// <summary>Gets or sets <c>Fulfilled</c> or <c>Failed</c> (for <c>Close</c>).</summary>
        [JsonPropertyName("fulfillmentState")]
        public string? FulfillmentState { get; set; }

        /// <summary>Gets or sets the message to the user.</summary>
        [JsonPropertyName("message")]
        public LexMessage? Message { get; set; }

        /// <summary>Gets or sets the intent name.</summary>
        [JsonPropertyName("intentName")]
        public string? IntentName { get; set; }

        /// <summary>Gets or sets the slot values.</summary>
        [JsonPropertyName("slots")]
        public Dictionary<string, string?>? Slots { get; set; }

        /// <summary>Gets or sets the slot to ask for (for <c>ElicitSlot</c>).</summary>
        [JsonPropertyName("slotToElicit")]
        public string? SlotToElicit { get; set; }

        /// <summary>Gets or sets the response card, kept as written.</summary>
        [JsonPropertyName("responseCard")]
        public JsonElement? ResponseCard { get; set; }
    }

    /// <summary>A message to the user.</summary>
    public sealed class LexMessage
    {
        /// <summary>Gets or sets <c>PlainText</c>, <c>SSML</c> or <c>CustomPayload</c>.</summary>
        [JsonPropertyName("contentType")]
        public string? ContentType { get; set; }

        /// <summary>Gets or sets the content.</summary>
        [JsonPropertyName("content")]
        public string? Content { get; set; }
    }
}

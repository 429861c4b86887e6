using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Lex;

/// <summary>
/// An Amazon Lex (V1) code hook invocation (<c>messageVersion</c> 1.0); answer with a <see cref="LexResponse"/>.
/// Mirrors <c>Amazon.Lambda.LexEvents.LexEvent</c>.
/// </summary>
public sealed class LexEvent
{
    /// <summary>Gets or sets the intent Lex understood.</summary>
    [JsonPropertyName("currentIntent")]
    public LexCurrentIntent? CurrentIntent { get; set; }

    /// <summary>Gets or sets other intents Lex considered, with their confidence, kept as received.</summary>
    [JsonPropertyName("alternativeIntents")]
    public List<JsonElement>? AlternativeIntents { get; set; }

    /// <summary>Gets or sets the bot.</summary>
    [JsonPropertyName("bot")]
    public LexBot? Bot { get; set; }

    /// <summary>Gets or sets the user identifier given by the client.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    /// <summary>Gets or sets the text Lex processed.</summary>
    [JsonPropertyName("inputTranscript")]
    public string? InputTranscript { get; set; }

    /// <summary>Gets or sets <c>DialogCodeHook</c> or <c>FulfillmentCodeHook</c>.</summary>
    [JsonPropertyName("invocationSource")]
    public string? InvocationSource { get; set; }

    /// <summary>Gets or sets <c>Text</c> or <c>Voice</c>.</summary>
    [JsonPropertyName("outputDialogMode")]
    public string? OutputDialogMode { get; set; }

    /// <summary>Gets or sets the message version, <c>1.0</c>.</summary>
    [JsonPropertyName("messageVersion")]
    public string? MessageVersion { get; set; }

    /// <summary>Gets or sets the session attributes.</summary>
    [JsonPropertyName("sessionAttributes")]
    public Dictionary<string, string>? SessionAttributes { get; set; }

    /// <summary>Gets or sets the request attributes.</summary>
    [JsonPropertyName("requestAttributes")]
    public Dictionary<string, string>? RequestAttributes { get; set; }

    /// <summary>Gets or sets recent intents of the session, kept as received.</summary>
    [JsonPropertyName("recentIntentSummaryView")]
    public List<JsonElement>? RecentIntentSummaryView { get; set; }

    /// <summary>Gets or sets the sentiment analysis of the utterance, when configured.</summary>
    [JsonPropertyName("sentimentResponse")]
    public JsonElement? SentimentResponse { get; set; }

    /// <summary>Gets or sets the Amazon Kendra answer, when configured.</summary>
    [JsonPropertyName("kendraResponse")]
    public JsonElement? KendraResponse { get; set; }

    /// <summary>Gets or sets the active contexts.</summary>
    [JsonPropertyName("activeContexts")]
    public List<JsonElement>? ActiveContexts { get; set; }

    /// <summary>The intent of a Lex V1 invocation.</summary>
    public sealed class LexCurrentIntent
    {
        /// <summary>Gets or sets the intent name.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        /// <summary>Gets or sets the confidence of the natural language understanding, when sent.</summary>
        [JsonPropertyName("nluIntentConfidenceScore")]
        public double? NluIntentConfidenceScore { get; set; }

        /// <summary>Gets or sets the slot values (a value is null while the slot is not filled).</summary>
        [JsonPropertyName("slots")]
        public Dictionary<string, string?>? Slots { get; set; }

        /// <summary>Gets or sets the details of each slot (resolutions, original value), kept as received.</summary>
        [JsonPropertyName("slotDetails")]
        public Dictionary<string, JsonElement>? SlotDetails { get; set; }

        /// <summary>Gets or sets <c>None</c>, <c>Confirmed</c> or <c>Denied</c>.</summary>
        [JsonPropertyName("confirmationStatus")]
        public string? ConfirmationStatus { get; set; }
    }

    /// <summary>The bot of a Lex V1 invocation.</summary>
    public sealed class LexBot
    {
        /// <summary>Gets or sets the bot name.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        /// <summary>Gets or sets the alias.</summary>
        [JsonPropertyName("alias")]
        public string? Alias { get; set; }

        /// <summary>Gets or sets the version.</summary>
        [JsonPropertyName("version")]
        public string? Version { get; set; }
    }
}

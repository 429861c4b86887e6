using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.LexV2;

/// <summary>
/// An Amazon Lex V2 code hook invocation; answer with a <see cref="LexV2Response"/>. Mirrors <c>Amazon.Lambda.LexV2Events.LexV2Event</c>.
/// </summary>
public sealed class LexV2Event
{
    /// <summary>Gets or sets the message version, <c>1.0</c>.</summary>
    [JsonPropertyName("messageVersion")]
    public string? MessageVersion { get; set; }

    /// <summary>Gets or sets <c>DialogCodeHook</c> or <c>FulfillmentCodeHook</c>.</summary>
    [JsonPropertyName("invocationSource")]
    public string? InvocationSource { get; set; }

    /// <summary>Gets or sets <c>DTMF</c>, <c>Speech</c> or <c>Text</c>.</summary>
    [JsonPropertyName("inputMode")]
    public string? InputMode { get; set; }

    /// <summary>Gets or sets the content type of the answer the client expects.</summary>
    [JsonPropertyName("responseContentType")]
    public string? ResponseContentType { get; set; }

    /// <summary>Gets or sets the session identifier.</summary>
    [JsonPropertyName("sessionId")]
    public string? SessionId { get; set; }

    /// <summary>Gets or sets the text Lex processed.</summary>
    [JsonPropertyName("inputTranscript")]
    public string? InputTranscript { get; set; }

    /// <summary>Gets or sets the bot.</summary>
    [JsonPropertyName("bot")]
    public LexV2Bot? Bot { get; set; }

    /// <summary>Gets or sets the intents Lex considers possible, best first.</summary>
    [JsonPropertyName("interpretations")]
    public List<LexV2Interpretation>? Interpretations { get; set; }

    /// <summary>Gets or sets the next state Lex proposes, kept as received.</summary>
    [JsonPropertyName("proposedNextState")]
    public JsonElement? ProposedNextState { get; set; }

    /// <summary>Gets or sets the request attributes.</summary>
    [JsonPropertyName("requestAttributes")]
    public Dictionary<string, string>? RequestAttributes { get; set; }

    /// <summary>Gets or sets the state of the conversation.</summary>
    [JsonPropertyName("sessionState")]
    public LexV2SessionState? SessionState { get; set; }

    /// <summary>Gets or sets the transcriptions of a spoken input, kept as received.</summary>
    [JsonPropertyName("transcriptions")]
    public List<JsonElement>? Transcriptions { get; set; }

    /// <summary>The bot of a Lex V2 invocation.</summary>
    public sealed class LexV2Bot
    {
        /// <summary>Gets or sets the bot identifier.</summary>
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        /// <summary>Gets or sets the bot name.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        /// <summary>Gets or sets the alias identifier.</summary>
        [JsonPropertyName("aliasId")]
        public string? AliasId { get; set; }

        /// <summary>Gets or sets the alias name.</summary>
        [JsonPropertyName("aliasName")]
        public string? AliasName { get; set; }

        /// <summary>Gets or sets the locale, for example <c>en_US</c>.</summary>
        [JsonPropertyName("localeId")]
        public string? LocaleId { get; set; }

        /// <summary>Gets or sets the version.</summary>
        [JsonPropertyName("version")]
        public string? Version { get; set; }
    }

    /// <summary>An intent Lex considers possible.</summary>
    public sealed class LexV2Interpretation
    {
        /// <summary>Gets or sets the intent.</summary>
        [JsonPropertyName("intent")]
        public LexV2Intent? Intent { get; set; }

        /// <summary>Gets or sets the confidence, kept as received (<c>{"score":0.9}</c>).</summary>
        [JsonPropertyName("nluConfidence")]
        public JsonElement? NluConfidence { get; set; }

        /// <summary>Gets or sets the sentiment analysis, when configured.</summary>
        [JsonPropertyName("sentimentResponse")]
        public JsonElement? SentimentResponse { get; set; }

        /// <summary>Gets or sets <c>Bedrock</c> or <c>Lex</c>, when sent.</summary>
        [JsonPropertyName("interpretationSource")]
        public string? InterpretationSource { get; set; }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.LexV2;

/// <summary>The answer to a <see cref="LexV2Event"/>. Mirrors <c>Amazon.Lambda.LexV2Events.LexV2Response</c>.</summary>
public sealed class LexV2Response
{
    /// <summary>Gets or sets the state of the conversation after this turn.</summary>
    [JsonPropertyName("sessionState")]
    public LexV2SessionState? SessionState { get; set; }

    /// <summary>Gets or sets the messages to the user.</summary>
    [JsonPropertyName("messages")]
    public List<LexV2Message>? Messages { get; set; }

    /// <summary>Gets or sets the request attributes.</summary>
    [JsonPropertyName("requestAttributes")]
    public Dictionary<string, string>? RequestAttributes { get; set; }

    /// <summary>A message to the user.</summary>
    public sealed class LexV2Message
    {
        /// <summary>Gets or sets <c>CustomPayload</c>, <c>ImageResponseCard</c>, <c>PlainText</c> or <c>SSML</c>.</summary>
        [JsonPropertyName("contentType")]
        public string? ContentType { get; set; }

        /// <summary>Gets or sets the content.</summary>
        [JsonPropertyName("content")]
        public string? Content { get; set; }

        /// <summary>Gets or sets the image response card, kept as written.</summary>
        [JsonPropertyName("imageResponseCard")]
        public JsonElement? ImageResponseCard { get; set; }
    }
}

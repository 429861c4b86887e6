using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.LexV2;

/// <summary>The state of a Lex V2 conversation, received and returned. Mirrors <c>Amazon.Lambda.LexV2Events.LexV2SessionState</c>.</summary>
public sealed class LexV2SessionState
{
    /// <summary>Gets or sets the active contexts, kept as received.</summary>
    [JsonPropertyName("activeContexts")]
    public List<JsonElement>? ActiveContexts { get; set; }

    /// <summary>Gets or sets the session attributes.</summary>
    [JsonPropertyName("sessionAttributes")]
    public Dictionary<string, string>? SessionAttributes { get; set; }

    /// <summary>Gets or sets the runtime hints, kept as received.</summary>
    [JsonPropertyName("runtimeHints")]
    public JsonElement? RuntimeHints { get; set; }

    /// <summary>Gets or sets the next dialog action.</summary>
    [JsonPropertyName("dialogAction")]
    public LexV2DialogAction? DialogAction { get; set; }

    /// <summary>Gets or sets the current intent.</summary>
    [JsonPropertyName("intent")]
    public LexV2Intent? Intent { get; set; }

    /// <summary>Gets or sets the identifier of the request that started the conversation.</summary>
    [JsonPropertyName("originatingRequestId")]
    public string? OriginatingRequestId { get; set; }

    /// <summary>What Lex V2 does next.</summary>
    public sealed class LexV2DialogAction
    {
        /// <summary>Gets or sets <c>Close</c>, <c>ConfirmIntent</c>, <c>Delegate</c>, <c>ElicitIntent</c> or <c>ElicitSlot</c>.</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        /// <summary>Gets or sets the slot to ask for.</summary>
        [JsonPropertyName("slotToElicit")]
        public string? SlotToElicit { get; set; }

        /// <summary>Gets or sets how the slot is asked for (<c>Default</c>, <c>SpellByLetter</c>, <c>SpellByWord</c>).</summary>
        [JsonPropertyName("slotElicitationStyle")]
        public string? SlotElicitationStyle { get; set; }

        /// <summary>Gets or sets the sub-slot to ask for, kept as written.</summary>
        [JsonPropertyName("subSlotToElicit")]
        public JsonElement? SubSlotToElicit { get; set; }
    }
}

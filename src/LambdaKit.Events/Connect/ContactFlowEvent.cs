using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Connect;

/// <summary>
/// An Amazon Connect contact flow invocation (<c>Name</c> is <c>ContactFlowExecution</c>); answer with a flat map of
/// strings (<see cref="ContactFlowResponse"/>). Mirrors <c>Amazon.Lambda.ConnectEvents.ContactFlowEvent</c>.
/// </summary>
public sealed class ContactFlowEvent
{
    /// <summary>Gets or sets the event name, <c>ContactFlowExecution</c>.</summary>
    [JsonPropertyName("Name")]
    public string? Name { get; set; }

    /// <summary>Gets or sets the contact and the parameters of the flow block.</summary>
    [JsonPropertyName("Details")]
    public ContactFlowDetails? Details { get; set; }

    /// <summary>The contact and the parameters of the flow block.</summary>
    public sealed class ContactFlowDetails
    {
        /// <summary>Gets or sets the contact.</summary>
        [JsonPropertyName("ContactData")]
        public ContactData? ContactData { get; set; }

        /// <summary>Gets or sets the parameters set in the flow block.</summary>
        [JsonPropertyName("Parameters")]
        public Dictionary<string, string>? Parameters { get; set; }
    }

    /// <summary>A contact. Members this type does not name are kept in <see cref="AdditionalData"/>, so they are written back.</summary>
    public sealed class ContactData
    {
        /// <summary>Gets or sets the contact attributes.</summary>
        [JsonPropertyName("Attributes")]
        public Dictionary<string, string>? Attributes { get; set; }

        /// <summary>Gets or sets <c>VOICE</c>, <c>CHAT</c> or <c>TASK</c>.</summary>
        [JsonPropertyName("Channel")]
        public string? Channel { get; set; }

        /// <summary>Gets or sets the contact identifier.</summary>
        [JsonPropertyName("ContactId")]
        public string? ContactId { get; set; }

        /// <summary>Gets or sets the customer's endpoint.</summary>
        [JsonPropertyName("CustomerEndpoint")]
        public Endpoint? CustomerEndpoint { get; set; }

        /// <summary>Gets or sets the system endpoint the customer reached.</summary>
        [JsonPropertyName("SystemEndpoint")]
        public Endpoint? SystemEndpoint { get; set; }

        /// <summary>Gets or sets the identifier of the first contact of a chain of transfers.</summary>
        [JsonPropertyName("InitialContactId")]
        public string? InitialContactId { get; set; }

        /// <summary>Gets or sets how the contact started (<c>INBOUND</c>, <c>OUTBOUND</c>, <c>TRANSFER</c>, <c>CALLBACK</c>…).</summary>
        [JsonPropertyName("InitiationMethod")]
        public string? InitiationMethod { get; set; }

        /// <summary>Gets or sets the ARN of the Connect instance.</summary>
        [JsonPropertyName("InstanceARN")]
        public string? InstanceARN { get; set; }

        /// <summary>Gets or sets the identifier of the previous contact of a transfer.</summary>
        [JsonPropertyName("PreviousContactId")]
        public string? PreviousContactId { get; set; }

        /// <summary>Gets or sets the queue, when the contact is in one.</summary>
        [JsonPropertyName("Queue")]
        public Queue? Queue { get; set; }

        /// <summary>Gets or sets the other members of the contact (media streams, language, segment attributes…), as received.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalData { get; set; }
    }

    /// <summary>An endpoint of a contact.</summary>
    public sealed class Endpoint
    {
        /// <summary>Gets or sets the address (a phone number, for example).</summary>
        [JsonPropertyName("Address")]
        public string? Address { get; set; }

        /// <summary>Gets or sets the type, for example <c>TELEPHONE_NUMBER</c>.</summary>
        [JsonPropertyName("Type")]
        public string? Type { get; set; }
    }

    /// <summary>A queue of a contact.</summary>
    [SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Name mirrors the Amazon.Lambda.*Events packages so that handlers port by a change of using.")]
    public sealed class Queue
    {
        /// <summary>Gets or sets the queue ARN.</summary>
        [JsonPropertyName("ARN")]
        public string? ARN { get; set; }

        /// <summary>Gets or sets the queue name.</summary>
        [JsonPropertyName("Name")]
        public string? Name { get; set; }

        /// <summary>Gets or sets the outbound caller identifier, when sent.</summary>
        [JsonPropertyName("OutboundCallerId")]
        public JsonElement? OutboundCallerId { get; set; }
    }
}

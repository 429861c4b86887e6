namespace LambdaKit.Events.Connect;

/// <summary>
/// The answer to a <see cref="ContactFlowEvent"/>: a flat map of string values that the flow reads as external attributes.
/// Mirrors <c>Amazon.Lambda.ConnectEvents.ContactFlowResponse</c>.
/// </summary>
public sealed class ContactFlowResponse : Dictionary<string, string>
{
    /// <summary>Creates an empty answer.</summary>
    public ContactFlowResponse()
        : base(StringComparer.Ordinal)
    {
    }
}

namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool custom message trigger (<c>triggerSource</c> CustomMessage_*): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCustomMessageEvent</c>.
/// </summary>
public sealed class CognitoCustomMessageEvent : CognitoTriggerEvent<CognitoCustomMessageRequest, CognitoCustomMessageResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoCustomMessageEvent()
        : base(new CognitoCustomMessageRequest(), new CognitoCustomMessageResponse())
    {
    }
}

namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool custom e-mail sender trigger (<c>triggerSource</c> CustomEmailSender_*): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCustomEmailSenderEvent</c>.
/// </summary>
public sealed class CognitoCustomEmailSenderEvent : CognitoTriggerEvent<CognitoCustomEmailSenderRequest, CognitoCustomEmailSenderResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoCustomEmailSenderEvent()
        : base(new CognitoCustomEmailSenderRequest(), new CognitoCustomEmailSenderResponse())
    {
    }
}

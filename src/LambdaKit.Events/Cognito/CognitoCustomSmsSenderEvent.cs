namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool custom SMS sender trigger (<c>triggerSource</c> CustomSMSSender_*): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCustomSmsSenderEvent</c>.
/// </summary>
public sealed class CognitoCustomSmsSenderEvent : CognitoTriggerEvent<CognitoCustomSmsSenderRequest, CognitoCustomSmsSenderResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoCustomSmsSenderEvent()
        : base(new CognitoCustomSmsSenderRequest(), new CognitoCustomSmsSenderResponse())
    {
    }
}

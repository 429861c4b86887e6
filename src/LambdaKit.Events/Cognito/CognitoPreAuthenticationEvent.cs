namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool pre authentication trigger (<c>triggerSource</c> PreAuthentication_Authentication): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreAuthenticationEvent</c>.
/// </summary>
public sealed class CognitoPreAuthenticationEvent : CognitoTriggerEvent<CognitoPreAuthenticationRequest, CognitoPreAuthenticationResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoPreAuthenticationEvent()
        : base(new CognitoPreAuthenticationRequest(), new CognitoPreAuthenticationResponse())
    {
    }
}

namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool post authentication trigger (<c>triggerSource</c> PostAuthentication_Authentication): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPostAuthenticationEvent</c>.
/// </summary>
public sealed class CognitoPostAuthenticationEvent : CognitoTriggerEvent<CognitoPostAuthenticationRequest, CognitoPostAuthenticationResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoPostAuthenticationEvent()
        : base(new CognitoPostAuthenticationRequest(), new CognitoPostAuthenticationResponse())
    {
    }
}

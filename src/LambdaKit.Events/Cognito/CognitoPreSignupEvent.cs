namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool pre sign-up trigger (<c>triggerSource</c> PreSignUp_*): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreSignupEvent</c>.
/// </summary>
public sealed class CognitoPreSignupEvent : CognitoTriggerEvent<CognitoPreSignupRequest, CognitoPreSignupResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoPreSignupEvent()
        : base(new CognitoPreSignupRequest(), new CognitoPreSignupResponse())
    {
    }
}

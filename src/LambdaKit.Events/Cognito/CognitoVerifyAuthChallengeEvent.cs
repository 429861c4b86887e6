namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool verify auth challenge response trigger (<c>triggerSource</c> VerifyAuthChallengeResponse_Authentication): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoVerifyAuthChallengeEvent</c>.
/// </summary>
public sealed class CognitoVerifyAuthChallengeEvent : CognitoTriggerEvent<CognitoVerifyAuthChallengeRequest, CognitoVerifyAuthChallengeResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoVerifyAuthChallengeEvent()
        : base(new CognitoVerifyAuthChallengeRequest(), new CognitoVerifyAuthChallengeResponse())
    {
    }
}

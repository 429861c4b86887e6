namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool create auth challenge trigger (<c>triggerSource</c> CreateAuthChallenge_Authentication): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCreateAuthChallengeEvent</c>.
/// </summary>
public sealed class CognitoCreateAuthChallengeEvent : CognitoTriggerEvent<CognitoCreateAuthChallengeRequest, CognitoCreateAuthChallengeResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoCreateAuthChallengeEvent()
        : base(new CognitoCreateAuthChallengeRequest(), new CognitoCreateAuthChallengeResponse())
    {
    }
}

namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool define auth challenge trigger (<c>triggerSource</c> DefineAuthChallenge_Authentication): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoDefineAuthChallengeEvent</c>.
/// </summary>
public sealed class CognitoDefineAuthChallengeEvent : CognitoTriggerEvent<CognitoDefineAuthChallengeRequest, CognitoDefineAuthChallengeResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoDefineAuthChallengeEvent()
        : base(new CognitoDefineAuthChallengeRequest(), new CognitoDefineAuthChallengeResponse())
    {
    }
}

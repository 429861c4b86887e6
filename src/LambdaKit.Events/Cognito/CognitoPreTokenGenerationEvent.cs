namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool pre token generation (version 1) trigger (<c>triggerSource</c> TokenGeneration_* with version 1): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreTokenGenerationEvent</c>.
/// </summary>
public sealed class CognitoPreTokenGenerationEvent : CognitoTriggerEvent<CognitoPreTokenGenerationRequest, CognitoPreTokenGenerationResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoPreTokenGenerationEvent()
        : base(new CognitoPreTokenGenerationRequest(), new CognitoPreTokenGenerationResponse())
    {
    }
}

namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool pre token generation (versions 2 and 3) trigger (<c>triggerSource</c> TokenGeneration_* with version 2 or 3): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreTokenGenerationV2Event</c>.
/// </summary>
public sealed class CognitoPreTokenGenerationV2Event : CognitoTriggerEvent<CognitoPreTokenGenerationV2Request, CognitoPreTokenGenerationV2Response>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoPreTokenGenerationV2Event()
        : base(new CognitoPreTokenGenerationV2Request(), new CognitoPreTokenGenerationV2Response())
    {
    }
}

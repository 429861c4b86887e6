namespace LambdaKit.Events.Cognito;

/// <summary>
/// The Cognito user-pool post confirmation trigger (<c>triggerSource</c> PostConfirmation_*): fill <see cref="CognitoTriggerEvent{TRequest, TResponse}.Response"/>
/// and return the event. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPostConfirmationEvent</c>.
/// </summary>
public sealed class CognitoPostConfirmationEvent : CognitoTriggerEvent<CognitoPostConfirmationRequest, CognitoPostConfirmationResponse>
{
    /// <summary>Initializes an event with an empty request and response.</summary>
    public CognitoPostConfirmationEvent()
        : base(new CognitoPostConfirmationRequest(), new CognitoPostConfirmationResponse())
    {
    }
}

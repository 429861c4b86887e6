namespace LambdaKit.Events.Cognito;

/// <summary>The response of the post confirmation trigger: Cognito expects it empty. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPostConfirmationResponse</c>.</summary>
public sealed class CognitoPostConfirmationResponse : CognitoTriggerResponse
{
}

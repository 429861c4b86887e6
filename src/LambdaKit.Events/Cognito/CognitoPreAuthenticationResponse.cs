namespace LambdaKit.Events.Cognito;

/// <summary>The response of the pre authentication trigger: Cognito expects it empty. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreAuthenticationResponse</c>.</summary>
public sealed class CognitoPreAuthenticationResponse : CognitoTriggerResponse
{
}

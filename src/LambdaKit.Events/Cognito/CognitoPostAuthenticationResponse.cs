namespace LambdaKit.Events.Cognito;

/// <summary>The response of the post authentication trigger: Cognito expects it empty. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPostAuthenticationResponse</c>.</summary>
public sealed class CognitoPostAuthenticationResponse : CognitoTriggerResponse
{
}

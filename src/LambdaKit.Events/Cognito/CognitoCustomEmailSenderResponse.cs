namespace LambdaKit.Events.Cognito;

/// <summary>The response of the custom e-mail sender trigger: Cognito expects it empty. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCustomEmailSenderResponse</c>.</summary>
public sealed class CognitoCustomEmailSenderResponse : CognitoTriggerResponse
{
}

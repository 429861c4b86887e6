namespace LambdaKit.Events.Cognito;

/// <summary>The response of the custom SMS sender trigger: Cognito expects it empty. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCustomSmsSenderResponse</c>.</summary>
public sealed class CognitoCustomSmsSenderResponse : CognitoTriggerResponse
{
}

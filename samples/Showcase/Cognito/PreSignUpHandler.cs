using LambdaKit;
using LambdaKit.Events.Cognito;

namespace Showcase.Cognito;

/// <summary>Confirms sign-ups from <c>@example.com</c> addresses without a code.</summary>
internal sealed class PreSignUpHandler : CognitoTriggerHandler<CognitoPreSignupEvent>
{
    protected override ValueTask HandleTriggerAsync(CognitoPreSignupEvent trigger, ILambdaContext context, CancellationToken cancellationToken)
    {
        var email = trigger.Request.UserAttributes?.GetValueOrDefault("email");
        trigger.Response.AutoConfirmUser = email is not null && email.EndsWith("@example.com", StringComparison.OrdinalIgnoreCase);
        return ValueTask.CompletedTask;
    }
}

using LambdaKit;

namespace Showcase.Cognito;

/// <summary>Any other Cognito trigger: the event goes back unchanged, which lets Cognito carry on.</summary>
/// <typeparam name="TEvent">The trigger event.</typeparam>
internal sealed class UnchangedTrigger<TEvent> : CognitoTriggerHandler<TEvent>
    where TEvent : class
{
    protected override ValueTask HandleTriggerAsync(TEvent trigger, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

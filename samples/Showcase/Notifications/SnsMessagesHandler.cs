using LambdaKit;
using LambdaKit.Events.SNS;

namespace Showcase.Notifications;

/// <summary>Lists the messages of an SNS notification.</summary>
internal sealed class SnsMessagesHandler : ILambdaHandler<SNSEvent, SourceReport>
{
    public ValueTask<SourceReport> HandleAsync(SNSEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        var messages = (input.Records ?? [])
            .Select(r => new MessageSeen(r.Sns?.MessageId, r.Sns?.Subject, r.Sns?.Message))
            .ToList();
        return ValueTask.FromResult(new SourceReport { Source = "sns", Messages = messages });
    }
}

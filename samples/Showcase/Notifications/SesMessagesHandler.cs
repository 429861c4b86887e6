using LambdaKit;
using LambdaKit.Events.SimpleEmail;

namespace Showcase.Notifications;

/// <summary>Lists the mails of an SES receipt event with their subjects.</summary>
internal sealed class SesMessagesHandler : ILambdaHandler<SimpleEmailEvent, SourceReport>
{
    public ValueTask<SourceReport> HandleAsync(SimpleEmailEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        var messages = input.Records
            .Select(r => new MessageSeen(r.Ses?.Mail?.MessageId, r.Ses?.Mail?.CommonHeaders?.Subject, null))
            .ToList();
        return ValueTask.FromResult(new SourceReport { Source = "ses", Messages = messages });
    }
}

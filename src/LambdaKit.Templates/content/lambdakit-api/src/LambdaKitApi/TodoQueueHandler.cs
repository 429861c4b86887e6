using LambdaKit;
using LambdaKit.Events.SQS;

namespace LambdaKitApi;

/// <summary>
/// Handles the todos queue, one message at a time: a body <c>{"title":"..."}</c> adds a todo. A message that throws (or
/// whose body cannot be read) is reported in the batch response and retried by SQS; the others are not.
/// </summary>
internal sealed class TodoQueueHandler(TodoStore store) : SqsRecordHandler<NewTodo>
{
    protected override ValueTask HandleAsync(NewTodo payload, SQSEvent.SQSMessage message, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(payload.Title))
        {
            throw new InvalidOperationException($"Message {message.MessageId} has no title.");
        }

        var todo = store.Add(payload.Title);
        context.Logger.LogInformation($"Todo {todo.Id} added from message {message.MessageId}");
        return ValueTask.CompletedTask;
    }
}

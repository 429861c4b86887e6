using System.Text.Json.Serialization.Metadata;
using LambdaKit.Batching;
using LambdaKit.Events.SQS;
using LambdaKit.Serialization;

namespace LambdaKit;

/// <summary>
/// Base class of an SQS handler that works on one message at a time, its body read as <typeparamref name="T"/> through
/// source-generated JSON. Register with <c>services.AddSqsHandler&lt;MyHandler&gt;()</c>; LambdaKit runs the batch and
/// answers with an <see cref="SQSBatchResponse"/> that lists the messages to retry.
/// </summary>
/// <typeparam name="T">The type of the message body; its JSON metadata must be registered
/// (<c>services.AddLambdaKit(o =&gt; o.AddJsonSerializerContext(MyJsonContext.Default))</c>).</typeparam>
/// <remarks>
/// <para>Standard queue: every message is tried; the ones that fail are reported by <c>messageId</c>.</para>
/// <para>FIFO queue (a <c>.fifo</c> queue ARN or a <c>MessageGroupId</c> attribute): at the first failure in a message group,
/// the group stops and its remaining messages are reported; other groups go on.</para>
/// <para>A body that cannot be read as <typeparamref name="T"/> (or is JSON <c>null</c>) is a failure of that message only.</para>
/// </remarks>
public abstract class SqsRecordHandler<T> : BatchRecordHandler<SQSEvent.SQSMessage>
{
    private JsonTypeInfo<T>? _payload;

    /// <summary>Handles one message.</summary>
    /// <param name="payload">The message body, deserialized.</param>
    /// <param name="message">The message (id, attributes, message attributes).</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the invocation's deadline.</param>
    /// <returns>A task that completes when the message was handled; throw to have it retried.</returns>
    protected abstract ValueTask HandleAsync(T payload, SQSEvent.SQSMessage message, ILambdaContext context, CancellationToken cancellationToken);

    internal sealed override void Bind(JsonMetadata json) => _payload ??= json.GetTypeInfo<T>();

    internal sealed override ValueTask HandleRecordAsync(SQSEvent.SQSMessage record, ILambdaContext context, CancellationToken cancellationToken)
        => RecordPayload.TryRead(record.Body, RecordPayload.Bound(_payload), out var payload, out var failure)
            ? HandleAsync(payload, record, context, cancellationToken)
            : ValueTask.FromException(failure);
}

using LambdaKit.Events;
using LambdaKit.Routing;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Hosting;

/// <summary>
/// The built-in before-snapshot hook of <c>services.AddSnapStartPriming()</c>: runs once, before the SnapStart snapshot, the
/// code of an invocation that does not belong to the handlers' own methods, so that a restored copy of the function has
/// (almost) nothing left to compile: the event-source detector over one small event of each common source; for every
/// registered handler, the JSON reader of its event type and the reader and writer of its response type; a DI scope
/// created, the handler constructed in it, the scope disposed. No handler method is called and nothing is posted to the
/// Runtime API. What cannot be primed is left for the first invocation: a failure is logged, never thrown.
/// </summary>
internal sealed partial class SnapStartPrimingHook(
    IServiceProvider services, IEnumerable<HandlerRegistration> registrations, ILogger<SnapStartPrimingHook> logger) : ILambdaSnapshotHook
{
    // Small events of the common sources, enough for the detector's decisions (not whole AWS events).
    private static readonly byte[][] DetectorSamples =
    [
        """{"Records":[{"messageId":"m","receiptHandle":"r","body":"{}","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:1:q"}]}"""u8.ToArray(),
        """{"Records":[{"EventSource":"aws:sns","Sns":{"Type":"Notification","MessageId":"m","TopicArn":"arn:aws:sns:us-east-1:1:t","Message":"{}"}}]}"""u8.ToArray(),
        """{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":"k"}}}]}"""u8.ToArray(),
        """{"Records":[{"eventSource":"aws:dynamodb","eventName":"INSERT","dynamodb":{"Keys":{"id":{"S":"1"}}}}]}"""u8.ToArray(),
        """{"Records":[{"eventSource":"aws:kinesis","kinesis":{"partitionKey":"p","data":"e30=","sequenceNumber":"1"}}]}"""u8.ToArray(),
        """{"version":"2.0","routeKey":"GET /","rawPath":"/","requestContext":{"http":{"method":"GET","path":"/"},"stage":"$default"}}"""u8.ToArray(),
        """{"resource":"/","path":"/","httpMethod":"GET","requestContext":{"resourcePath":"/","httpMethod":"GET","stage":"prod"}}"""u8.ToArray(),
        """{"requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1"}},"httpMethod":"GET","path":"/"}"""u8.ToArray(),
        """{"version":"0","id":"i","detail-type":"Order Placed","source":"shop","account":"1","time":"2026-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{}}"""u8.ToArray(),
        """{"version":"0","id":"i","detail-type":"Scheduled Event","source":"aws.events","account":"1","time":"2026-01-01T00:00:00Z","region":"us-east-1","resources":[],"detail":{}}"""u8.ToArray(),
        """{"name":"a direct invocation"}"""u8.ToArray(),
    ];

    public async ValueTask BeforeSnapshotAsync(CancellationToken cancellationToken)
    {
        foreach (var sample in DetectorSamples)
        {
            EventSourceDetector.Detect(sample, validate: false);
            EventSourceDetector.Detect(sample);
        }

        foreach (var registration in registrations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (registration.Prime is not { } prime)
            {
                continue;
            }

            try
            {
                await prime(services).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Priming is best effort: whatever it could not run is compiled at the first invocation.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogPrimingFailed(logger, exception, registration.Name);
            }
        }
    }

    public ValueTask AfterRestoreAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    [LoggerMessage(40, LogLevel.Debug, "SnapStart priming of {Handler} stopped early; the rest is compiled at its first invocation")]
    private static partial void LogPrimingFailed(ILogger logger, Exception exception, string handler);
}

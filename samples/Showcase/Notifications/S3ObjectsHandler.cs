using LambdaKit;
using LambdaKit.Events.S3;

namespace Showcase.Notifications;

/// <summary>Lists the objects of an S3 notification, with their URL-decoded keys.</summary>
internal sealed class S3ObjectsHandler : ILambdaHandler<S3Event, SourceReport>
{
    public ValueTask<SourceReport> HandleAsync(S3Event input, ILambdaContext context, CancellationToken cancellationToken)
    {
        var objects = (input.Records ?? [])
            .Select(r => new ObjectSeen(r.S3?.Bucket?.Name, r.S3?.Object?.DecodedKey, r.S3?.Object?.Size ?? 0))
            .ToList();
        return ValueTask.FromResult(new SourceReport { Source = "s3", Objects = objects });
    }
}

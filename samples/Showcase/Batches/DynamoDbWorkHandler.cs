using System.Text.Json;
using LambdaKit;
using LambdaKit.Events.DynamoDB;

namespace Showcase.Batches;

/// <summary>DynamoDB stream records in order, the work item in the new image's <c>payload</c> string attribute; the first failure stops the batch.</summary>
internal sealed class DynamoDbWorkHandler : DynamoDbRecordHandler
{
    protected override ValueTask HandleAsync(DynamoDBEvent.DynamodbStreamRecord record, ILambdaContext context, CancellationToken cancellationToken)
    {
        var json = record.Dynamodb?.NewImage?.GetValueOrDefault("payload")?.S
            ?? throw new InvalidDataException("The new image has no string attribute 'payload'.");
        var item = JsonSerializer.Deserialize(json, ShowcaseJsonContext.Default.WorkItem)
            ?? throw new InvalidDataException("The 'payload' attribute is JSON null.");
        return item.RunAsync(cancellationToken);
    }
}

using System.Text.Json;
using LambdaKit;
using LambdaKit.Events.CloudFormation;

namespace Showcase.CustomResources;

/// <summary>
/// A custom resource that echoes its <c>Echo</c> property as the attribute <c>Echo</c>; <c>Fail: "true"</c> makes it fail.
/// The answer goes to the request's ResponseURL; the invocation returns nothing.
/// </summary>
internal sealed class EchoResource : CloudFormationCustomResourceHandler
{
    protected override ValueTask<CloudFormationCustomResourceResult> HandleResourceAsync(CloudFormationCustomResourceRequest request, ILambdaContext context, CancellationToken cancellationToken)
    {
        var properties = request.ResourceProperties ?? [];
        if (properties.TryGetValue("Fail", out var fail) && fail.ValueKind == JsonValueKind.String && fail.GetString() == "true")
        {
            throw new InvalidOperationException($"{request.LogicalResourceId} was asked to fail.");
        }

        if (request.RequestType == "Delete")
        {
            return ValueTask.FromResult(new CloudFormationCustomResourceResult { PhysicalResourceId = request.PhysicalResourceId });
        }

        return ValueTask.FromResult(new CloudFormationCustomResourceResult
        {
            PhysicalResourceId = "showcase-" + request.LogicalResourceId,
            Data = properties.TryGetValue("Echo", out var echo) ? new() { ["Echo"] = echo } : [],
        });
    }
}

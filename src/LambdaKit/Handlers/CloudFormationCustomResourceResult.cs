using System.Text.Json;

namespace LambdaKit;

/// <summary>What a <see cref="CloudFormationCustomResourceHandler"/> made of a request that succeeded.</summary>
public sealed class CloudFormationCustomResourceResult
{
    /// <summary>
    /// Gets or sets the physical identifier of the resource; <see langword="null"/> keeps the request's (on <c>Update</c> and
    /// <c>Delete</c>) or, on <c>Create</c>, uses the function's log stream name. A new value on <c>Update</c> replaces the resource.
    /// </summary>
    public string? PhysicalResourceId { get; set; }

    /// <summary>Gets or sets values the template reads with <c>Fn::GetAtt</c>.</summary>
    public Dictionary<string, JsonElement>? Data { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Data"/> is hidden in the console.</summary>
    public bool NoEcho { get; set; }
}

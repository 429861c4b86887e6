using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.AppSync;

/// <summary>The GraphQL operation of an AppSync resolver invocation (Amazon's <c>Information</c>).</summary>
public sealed class AppSyncInformation
{
    /// <summary>Gets or sets the name of the field being resolved.</summary>
    [JsonPropertyName("fieldName")]
    public string? FieldName { get; set; }

    /// <summary>Gets or sets the name of the parent type of the field (<c>Query</c>, <c>Mutation</c>…).</summary>
    [JsonPropertyName("parentTypeName")]
    public string? ParentTypeName { get; set; }

    /// <summary>Gets or sets the selected fields, as paths.</summary>
    [JsonPropertyName("selectionSetList")]
    public List<string>? SelectionSetList { get; set; }

    /// <summary>Gets or sets the selection set, as GraphQL text.</summary>
    [JsonPropertyName("selectionSetGraphQL")]
    public string? SelectionSetGraphQL { get; set; }

    /// <summary>Gets or sets the variables of the operation.</summary>
    [JsonPropertyName("variables")]
    public Dictionary<string, JsonElement>? Variables { get; set; }
}

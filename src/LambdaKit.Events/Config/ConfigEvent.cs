using System.Text.Json.Serialization;

namespace LambdaKit.Events.Config;

/// <summary>
/// An AWS Config custom rule evaluation. <see cref="InvokingEvent"/> and <see cref="RuleParameters"/> are JSON documents
/// in strings, as AWS sends them. Mirrors <c>Amazon.Lambda.ConfigEvents.ConfigEvent</c>.
/// </summary>
public sealed class ConfigEvent
{
    /// <summary>Gets or sets the version of the event, <c>1.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>Gets or sets what triggered the evaluation (a configuration item change or a scheduled notification), JSON in a string.</summary>
    [JsonPropertyName("invokingEvent")]
    public string? InvokingEvent { get; set; }

    /// <summary>Gets or sets the rule parameters, JSON in a string.</summary>
    [JsonPropertyName("ruleParameters")]
    public string? RuleParameters { get; set; }

    /// <summary>Gets or sets the token to pass to <c>PutEvaluations</c>.</summary>
    [JsonPropertyName("resultToken")]
    public string? ResultToken { get; set; }

    /// <summary>Gets or sets whether the resource left the rule's scope (then evaluate it as <c>NOT_APPLICABLE</c>).</summary>
    [JsonPropertyName("eventLeftScope")]
    public bool EventLeftScope { get; set; }

    /// <summary>Gets or sets the role AWS Config runs the rule with.</summary>
    [JsonPropertyName("executionRoleArn")]
    public string? ExecutionRoleArn { get; set; }

    /// <summary>Gets or sets the rule ARN.</summary>
    [JsonPropertyName("configRuleArn")]
    public string? ConfigRuleArn { get; set; }

    /// <summary>Gets or sets the rule name.</summary>
    [JsonPropertyName("configRuleName")]
    public string? ConfigRuleName { get; set; }

    /// <summary>Gets or sets the rule identifier.</summary>
    [JsonPropertyName("configRuleId")]
    public string? ConfigRuleId { get; set; }

    /// <summary>Gets or sets the AWS account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>Gets or sets <c>DETECTIVE</c> or <c>PROACTIVE</c>, when sent.</summary>
    [JsonPropertyName("evaluationMode")]
    public string? EvaluationMode { get; set; }
}

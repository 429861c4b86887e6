using System.Text.Json.Serialization;

namespace LambdaKit.Events.SecretsManager;

/// <summary>
/// One step of an AWS Secrets Manager secret rotation (<c>createSecret</c>, <c>setSecret</c>, <c>testSecret</c>,
/// <c>finishSecret</c>); the function returns nothing and throws to fail the step.
/// </summary>
public sealed class SecretsManagerRotationEvent
{
    /// <summary>Gets or sets the rotation step.</summary>
    [JsonPropertyName("Step")]
    public string? Step { get; set; }

    /// <summary>Gets or sets the ARN of the secret.</summary>
    [JsonPropertyName("SecretId")]
    public string? SecretId { get; set; }

    /// <summary>Gets or sets the version identifier of the new secret version.</summary>
    [JsonPropertyName("ClientRequestToken")]
    public string? ClientRequestToken { get; set; }

    /// <summary>Gets or sets the rotation token (for rotation across accounts), when sent.</summary>
    [JsonPropertyName("RotationToken")]
    public string? RotationToken { get; set; }
}

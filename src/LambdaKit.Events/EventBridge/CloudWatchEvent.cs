using System.Text.Json.Serialization;

namespace LambdaKit.Events.EventBridge;

/// <summary>
/// An Amazon EventBridge (CloudWatch Events) event with a typed <c>detail</c>.
/// Mirrors <c>Amazon.Lambda.CloudWatchEvents.CloudWatchEvent&lt;T&gt;</c>.
/// </summary>
/// <typeparam name="TDetail">The type of <see cref="Detail"/>. Use <see cref="System.Text.Json.JsonElement"/> for an untyped detail.</typeparam>
/// <remarks>
/// For a detail type of your own, add <c>[JsonSerializable(typeof(CloudWatchEvent&lt;MyDetail&gt;))]</c> to your own
/// <see cref="JsonSerializerContext"/>; <see cref="LambdaKitEventsJsonContext"/> covers
/// <c>CloudWatchEvent&lt;JsonElement&gt;</c> and <see cref="ScheduledEvent"/>.
/// </remarks>
public class CloudWatchEvent<TDetail>
{
    /// <summary>Gets or sets the version of the event structure, <c>0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>Gets or sets the unique identifier of the event.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>Gets or sets the detail type, which with <see cref="Source"/> says what the <see cref="Detail"/> holds (<c>detail-type</c> in JSON).</summary>
    [JsonPropertyName("detail-type")]
    public string? DetailType { get; set; }

    /// <summary>Gets or sets the source of the event, for example <c>aws.events</c> or <c>com.example.orders</c>.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>Gets or sets the AWS account ID the event came from.</summary>
    [JsonPropertyName("account")]
    public string? Account { get; set; }

    /// <summary>Gets or sets when the event happened (UTC).</summary>
    [JsonPropertyName("time")]
    public DateTime Time { get; set; }

    /// <summary>Gets or sets the AWS Region the event came from.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>Gets or sets the ARNs of the resources the event is about.</summary>
    [JsonPropertyName("resources")]
    public List<string>? Resources { get; set; }

    /// <summary>Gets or sets the event-specific data.</summary>
    /// <remarks>
    /// Not written while it holds the default value of <typeparamref name="TDetail"/> (<see langword="null"/>, or an
    /// undefined <see cref="System.Text.Json.JsonElement"/>), since EventBridge always sends a detail object.
    /// </remarks>
    [JsonPropertyName("detail")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TDetail? Detail { get; set; }
}

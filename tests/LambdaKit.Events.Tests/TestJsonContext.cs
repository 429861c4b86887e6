using System.Text.Json.Serialization;
using LambdaKit.Events.EventBridge;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.SNS;

namespace LambdaKit.Events.Tests;

/// <summary>A detail type of the kind users define for their own EventBridge events.</summary>
public sealed class OrderPlaced
{
    [JsonPropertyName("orderId")]
    public string? OrderId { get; set; }

    [JsonPropertyName("amount")]
    public decimal Amount { get; set; }

    [JsonPropertyName("items")]
    public List<string>? Items { get; set; }
}

/// <summary>A context of the kind users write in their own assembly, with LambdaKit event types in it.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CloudWatchEvent<OrderPlaced>))]
[JsonSerializable(typeof(KinesisEvent))]
[JsonSerializable(typeof(SNSEvent))]
public sealed partial class TestJsonContext : JsonSerializerContext
{
}

using System.Text.Json.Serialization;
using Showcase.Batches;
using Showcase.Http;
using Showcase.Streams;

namespace Showcase;

/// <summary>Source-generated JSON metadata of the Showcase's own types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Greeting))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(SourceReport))]
[JsonSerializable(typeof(WorkItem))]
[JsonSerializable(typeof(LogsReport))]
[JsonSerializable(typeof(KafkaReport))]
[JsonSerializable(typeof(BrokerReport))]
internal sealed partial class ShowcaseJsonContext : JsonSerializerContext;

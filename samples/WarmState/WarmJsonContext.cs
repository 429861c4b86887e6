using System.Text.Json.Serialization;

namespace WarmState;

/// <summary>Source-generated JSON metadata of the function's types (no reflection: trims and runs Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WarmRequest))]
[JsonSerializable(typeof(WarmResponse))]
internal sealed partial class WarmJsonContext : JsonSerializerContext;

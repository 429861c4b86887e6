using System.Text.Json.Serialization;

namespace HelloWorld;

/// <summary>Source-generated JSON metadata of the function's types (no reflection: trims and runs Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HelloRequest))]
[JsonSerializable(typeof(HelloResponse))]
internal sealed partial class HelloJsonContext : JsonSerializerContext;

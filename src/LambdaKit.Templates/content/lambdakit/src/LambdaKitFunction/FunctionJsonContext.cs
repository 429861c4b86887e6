using System.Text.Json.Serialization;

namespace LambdaKitFunction;

/// <summary>Source-generated JSON metadata of the function's types: no reflection, so it trims and runs Native AOT.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GreetingRequest))]
[JsonSerializable(typeof(GreetingResponse))]
internal sealed partial class FunctionJsonContext : JsonSerializerContext;

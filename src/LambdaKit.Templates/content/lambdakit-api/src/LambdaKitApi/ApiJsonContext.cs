using System.Text.Json.Serialization;

namespace LambdaKitApi;

/// <summary>Source-generated JSON metadata of the function's types: no reflection, so it trims and runs Native AOT.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(NewTodo))]
[JsonSerializable(typeof(Todo))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

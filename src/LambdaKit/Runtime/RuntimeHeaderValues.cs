using System.Runtime.CompilerServices;

namespace LambdaKit.Runtime;

/// <summary>The received value of each <see cref="RuntimeHeader"/>, indexed by it, without an array of its own.</summary>
[InlineArray(RuntimeHeaders.Count)]
internal struct RuntimeHeaderValues
{
    private string? _first;
}

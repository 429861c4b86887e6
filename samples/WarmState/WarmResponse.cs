namespace WarmState;

/// <summary>The answer of the WarmState function: what the warm state did.</summary>
internal sealed class WarmResponse
{
    public required string Answer { get; init; }

    /// <summary>The id of the client that answered.</summary>
    public int ClientId { get; init; }

    /// <summary>How many times the client factory ran in this process.</summary>
    public int FactoryRuns { get; init; }

    /// <summary>Which query of the client this was (1 for its first).</summary>
    public int Queries { get; init; }

    /// <summary>Whether the client was already there when the invocation started.</summary>
    public bool WasWarm { get; init; }

    public bool ColdStart { get; init; }

    public string? RequestId { get; init; }
}

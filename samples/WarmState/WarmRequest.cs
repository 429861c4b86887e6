namespace WarmState;

/// <summary>The event of the WarmState function.</summary>
internal sealed class WarmRequest
{
    /// <summary>What to ask the client.</summary>
    public string? Question { get; set; }

    /// <summary>After answering, forget the client (as after a broken connection): the next invocation connects again.</summary>
    public bool Invalidate { get; set; }

    /// <summary>Waits this long before answering (to make invocations overlap).</summary>
    public int SleepMs { get; set; }

    /// <summary>Writes a few log lines at several levels (one with an exception), each carrying this request's id as <c>Marker</c>.</summary>
    public bool Log { get; set; }
}

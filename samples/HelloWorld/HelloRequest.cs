namespace HelloWorld;

/// <summary>The event of the HelloWorld function.</summary>
internal sealed class HelloRequest
{
    /// <summary>Who to greet.</summary>
    public string? Name { get; set; }

    /// <summary>When set, the handler throws with this message.</summary>
    public string? Fail { get; set; }

    /// <summary>Waits this long (cancelled by the invocation's deadline token) before answering.</summary>
    public int SleepMs { get; set; }

    /// <summary>Pads the answer with this many bytes.</summary>
    public int ResponseBytes { get; set; }
}

namespace LambdaKit.EventCheck;

/// <summary>What checking one event file found.</summary>
internal enum EventCheckOutcome
{
    /// <summary>Detected, read into its type and written back to equivalent JSON.</summary>
    Ok,

    /// <summary>Written back, but the JSON differs: a member or value did not survive the round trip.</summary>
    Loss,

    /// <summary>Valid JSON of a detected source that its type could not read (or write back).</summary>
    Error,

    /// <summary>Not valid JSON at all (truncated, empty, ...). Reported, but not a fault of LambdaKit's types.</summary>
    NotJson,

    /// <summary>Valid JSON that the detector does not recognise as an event source with a type (responses, sources not yet supported).</summary>
    Unrecognised,
}

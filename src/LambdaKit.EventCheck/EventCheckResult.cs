using LambdaKit.Events;

namespace LambdaKit.EventCheck;

/// <summary>The result of checking one event file.</summary>
/// <param name="Path">The file's path as shown to the user (relative to the folder checked, with '/' separators).</param>
/// <param name="Outcome">What the check found.</param>
/// <param name="Kind">The source the detector recognised, or <see cref="EventSourceKind.Unknown"/>.</param>
/// <param name="Detail">For anything but <see cref="EventCheckOutcome.Ok"/>: the JSON path and nature of the difference, or the error message.</param>
internal sealed record EventCheckResult(string Path, EventCheckOutcome Outcome, EventSourceKind Kind, string? Detail);

namespace Showcase;

/// <summary>What a notification handler saw, so that the Showcase can be checked from outside.</summary>
internal sealed class SourceReport
{
    public required string Source { get; init; }

    public IReadOnlyList<ObjectSeen>? Objects { get; init; }

    public IReadOnlyList<MessageSeen>? Messages { get; init; }

    public string? Rule { get; init; }

    public DateTime? Time { get; init; }
}

/// <summary>An S3 object of a notification.</summary>
internal sealed record ObjectSeen(string? Bucket, string? Key, long Size);

/// <summary>An SNS message.</summary>
internal sealed record MessageSeen(string? MessageId, string? Subject, string? Message);

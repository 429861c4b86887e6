using LambdaKit.Context;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Logging;

/// <summary>What one log line says, before it is formatted as text or JSON.</summary>
/// <param name="Timestamp">When the line was written.</param>
/// <param name="Level">Its level.</param>
/// <param name="Category">The logger's category (the JSON <c>logger</c> field), or null for <see cref="ILambdaLogger"/> lines without one.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Invocation">The invocation of the flow that wrote it, or null outside one.</param>
/// <param name="Properties">Message-template properties, written as JSON fields (JSON format only).</param>
/// <param name="Exception">The exception logged with it.</param>
internal readonly record struct LogEntry(
    DateTimeOffset Timestamp,
    LogLevel Level,
    LogCategory? Category,
    string Message,
    InvocationContext? Invocation,
    IReadOnlyList<KeyValuePair<string, object?>>? Properties,
    Exception? Exception);

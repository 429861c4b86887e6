using Microsoft.Extensions.Logging;

namespace LambdaKit.Testing;

/// <summary>One log line captured by a <see cref="TestLambdaLogger"/> or a <see cref="LambdaTestHost"/>.</summary>
/// <param name="Level">The level it was written at.</param>
/// <param name="Message">The message, with a template's placeholders filled in.</param>
/// <param name="Exception">The exception written with it, if any.</param>
/// <param name="Category">The <see cref="ILogger"/> category; <see langword="null"/> for <see cref="ILambdaContext.Logger"/>.</param>
public sealed record TestLogLine(LogLevel Level, string Message, Exception? Exception = null, string? Category = null)
{
    /// <inheritdoc />
    public override string ToString() => Exception is null ? $"{Level}: {Message}" : $"{Level}: {Message}: {Exception.GetType().Name}: {Exception.Message}";
}

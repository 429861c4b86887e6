using System.Text.Json;

namespace LambdaKit.Tests.Runtime;

/// <summary>The exact limits of the error envelope: message lengths, frames, nesting, the 256 KB cap, and hostile members.</summary>
public sealed class ErrorEnvelopeLimitTests
{
    /// <summary>An exception whose stack trace is given as text, as an exception type may override it.</summary>
    private sealed class ScriptedTraceException(string message, string? stackTrace, Exception? inner = null) : Exception(message, inner)
    {
        public override string? StackTrace => stackTrace;
    }

    private sealed class ThrowingMembersException : Exception, ILambdaErrorType
    {
        public override string Message => throw new InvalidOperationException("Message throws");

        public string ErrorType => throw new InvalidOperationException("ErrorType throws");
    }

    private static string Frames(int count) => string.Join("\n", Enumerable.Range(0, count).Select(i => $"   at Frame{i}()  "));

    private static JsonElement Envelope(LambdaError error) => JsonDocument.Parse(error.ToUtf8Json()).RootElement.Clone();

    [Fact]
    public void Message_up_to_32_KiB_is_kept_whole_and_a_longer_one_is_cut_there_with_an_ellipsis()
    {
        var exact = new string('m', 32 * 1024);
        var longer = exact + "x";

        Assert.Equal(exact, LambdaError.FromException(new InvalidOperationException(exact)).ErrorMessage);
        Assert.Equal(exact + "…", LambdaError.FromException(new InvalidOperationException(longer)).ErrorMessage);
    }

    [Fact]
    public void Message_of_a_cause_up_to_4_KiB_is_kept_whole_and_a_longer_one_is_cut_there()
    {
        var exact = new string('c', 4 * 1024);

        var kept = LambdaError.FromException(new InvalidOperationException("outer", new ArgumentException(exact)));
        var cut = LambdaError.FromException(new InvalidOperationException("outer", new ArgumentException(exact + "x")));

        Assert.Equal(exact, kept.Cause!.ErrorMessage);
        Assert.Equal(exact + "…", cut.Cause!.ErrorMessage);
    }

    [Fact]
    public void Stack_trace_keeps_50_trimmed_frames_and_a_cause_10_without_blank_lines()
    {
        var trace = "\n  \n" + Frames(60);
        var error = LambdaError.FromException(new ScriptedTraceException("outer", trace, new ScriptedTraceException("inner", trace)));

        Assert.Equal(50, error.StackTrace.Count);
        Assert.Equal("at Frame0()", error.StackTrace[0]);
        Assert.Equal("at Frame49()", error.StackTrace[49]);
        Assert.Equal(10, error.Cause!.StackTrace.Count);
        Assert.Equal("at Frame9()", error.Cause.StackTrace[9]);
    }

    [Fact]
    public void Stack_trace_of_exactly_the_limit_is_kept_whole()
    {
        var error = LambdaError.FromException(new ScriptedTraceException("outer", Frames(50), new ScriptedTraceException("inner", Frames(10))));

        Assert.Equal(50, error.StackTrace.Count);
        Assert.Equal(10, error.Cause!.StackTrace.Count);
    }

    [Fact]
    public void Frame_up_to_1024_characters_is_kept_and_a_longer_one_is_cut()
    {
        var exact = new string('f', 1024);

        var error = LambdaError.FromException(new ScriptedTraceException("m", exact + "\n" + exact + "g"));

        Assert.Equal([exact, exact + "…"], error.StackTrace);
    }

    [Fact]
    public void Exception_without_a_stack_trace_has_an_empty_one()
    {
        Assert.Empty(LambdaError.FromException(new ScriptedTraceException("m", null)).StackTrace);
        Assert.Empty(LambdaError.FromException(new ScriptedTraceException("m", string.Empty)).StackTrace);
    }

    [Fact]
    public void Causes_nest_eight_deep_at_most()
    {
        Exception exception = new InvalidOperationException("depth 20");
        for (var i = 19; i >= 0; i--)
        {
            exception = new InvalidOperationException($"depth {i}", exception);
        }

        var error = LambdaError.FromException(exception);
        var json = Envelope(error);

        var depth = 0;
        var last = error;
        while (last.Cause is not null)
        {
            depth++;
            last = last.Cause;
        }

        var jsonDepth = 0;
        for (var cause = json; cause.TryGetProperty("cause", out var next); cause = next)
        {
            jsonDepth++;
        }

        Assert.Equal(8, depth);
        Assert.Equal("depth 8", last.ErrorMessage);
        Assert.Equal(8, jsonDepth);
    }

    [Fact]
    public void Envelope_nested_deeper_than_eight_by_hand_is_written_eight_deep()
    {
        var error = new LambdaError("Level.10", "10");
        for (var i = 9; i >= 0; i--)
        {
            error = new LambdaError($"Level.{i}", $"{i}", cause: error);
        }

        var json = Envelope(error);

        var depth = 0;
        var cause = json;
        while (cause.TryGetProperty("cause", out var next))
        {
            depth++;
            cause = next;
        }

        Assert.Equal(8, depth);
        Assert.Equal("Level.8", cause.GetProperty("errorType").GetString());
    }

    [Fact]
    public void Envelope_over_256_KB_is_sent_shortened_without_its_causes()
    {
        var frames = Enumerable.Range(0, 30).Select(i => new string((char)('a' + (i % 26)), 600)).ToArray();
        var error = new LambdaError(new string('T', 300), new string('m', 300_000), frames, new LambdaError("Cause", "c"));

        var bytes = error.ToUtf8Json();
        var json = JsonDocument.Parse(bytes).RootElement;

        Assert.True(bytes.Length <= LambdaError.MaxEnvelopeBytes);
        Assert.Equal(new string('T', 256) + "…", json.GetProperty("errorType").GetString());
        Assert.Equal(new string('m', 8 * 1024) + "… (report shortened: it was over 256 KB)", json.GetProperty("errorMessage").GetString());
        var shortenedFrames = json.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()).ToArray();
        Assert.Equal(20, shortenedFrames.Length);
        Assert.All(shortenedFrames.Zip(frames), pair => Assert.Equal(pair.Second[..512] + "…", pair.First));
        Assert.False(json.TryGetProperty("cause", out _));
    }

    [Fact]
    public void Envelope_under_256_KB_is_sent_as_it_is()
    {
        var error = new LambdaError(new string('T', 300), new string('m', 200_000), [new string('f', 600)], new LambdaError("Cause", "c"));

        var json = Envelope(error);

        Assert.Equal(new string('T', 300), json.GetProperty("errorType").GetString());
        Assert.Equal(200_000, json.GetProperty("errorMessage").GetString()!.Length);
        Assert.Equal(600, json.GetProperty("stackTrace")[0].GetString()!.Length);
        Assert.Equal("Cause", json.GetProperty("cause").GetProperty("errorType").GetString());
    }

    [Fact]
    public void Exception_whose_message_and_error_type_throw_is_reported_with_its_type_name_and_a_placeholder()
    {
        var error = LambdaError.FromException(new ThrowingMembersException());

        Assert.Equal(nameof(ThrowingMembersException), error.ErrorType);
        Assert.Equal("(the exception's message could not be read)", error.ErrorMessage);
    }

    [Fact]
    public void Explicit_error_type_is_used_even_when_the_exception_chooses_another()
    {
        var error = LambdaError.FromException("Function.Chosen", new ThrowingMembersException());

        Assert.Equal("Function.Chosen", error.ErrorType);
    }

    [Fact]
    public void Constructor_defaults_a_missing_message_and_stack_and_refuses_an_empty_type()
    {
        var error = new LambdaError("T", null!);

        Assert.Equal(string.Empty, error.ErrorMessage);
        Assert.Empty(error.StackTrace);
        Assert.Null(error.Cause);
        Assert.Throws<ArgumentException>(() => new LambdaError(string.Empty, "m"));
        Assert.Throws<ArgumentNullException>(() => LambdaError.FromException(null!));
        Assert.Throws<ArgumentNullException>(() => LambdaError.FromException("T", null!));
        Assert.Throws<ArgumentNullException>(() => LambdaError.GetErrorType(null!));
    }
}

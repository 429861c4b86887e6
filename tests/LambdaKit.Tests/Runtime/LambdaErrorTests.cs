using System.Text.Json;

namespace LambdaKit.Tests.Runtime;

public sealed class LambdaErrorTests
{
    [LambdaErrorType("OrderRejected")]
    private sealed class OrderRejectedException(string message) : Exception(message);

    private sealed class ChosenAtRunTimeException(string errorType) : Exception("chosen"), ILambdaErrorType
    {
        public string ErrorType { get; } = errorType;
    }

    private sealed class DerivedRejectedException() : BaseRejectedException("derived");

    [LambdaErrorType("Rejected")]
    private class BaseRejectedException(string message) : Exception(message);

    private static Exception Thrown(Func<Exception> create)
    {
        try
        {
            throw create();
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static JsonElement Envelope(LambdaError error) => JsonDocument.Parse(error.ToUtf8Json()).RootElement;

    [Fact]
    public void Envelope_has_error_type_message_and_stack_trace()
    {
        var exception = Thrown(() => new InvalidOperationException("what went wrong"));

        var json = Envelope(LambdaError.FromException(exception));

        Assert.Equal("InvalidOperationException", json.GetProperty("errorType").GetString());
        Assert.Equal("what went wrong", json.GetProperty("errorMessage").GetString());
        var frames = json.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()).ToArray();
        Assert.NotEmpty(frames);
        Assert.All(frames, frame => Assert.StartsWith("at ", frame, StringComparison.Ordinal));
        Assert.False(json.TryGetProperty("cause", out _));
    }

    [Fact]
    public void Inner_exceptions_are_nested_as_causes()
    {
        var exception = new InvalidOperationException("outer", new ArgumentException("middle", new FormatException("inner")));

        var json = Envelope(LambdaError.FromException(exception));

        var middle = json.GetProperty("cause");
        Assert.Equal("ArgumentException", middle.GetProperty("errorType").GetString());
        Assert.Equal("middle", middle.GetProperty("errorMessage").GetString());
        var inner = middle.GetProperty("cause");
        Assert.Equal("FormatException", inner.GetProperty("errorType").GetString());
        Assert.False(inner.TryGetProperty("cause", out _));
    }

    [Fact]
    public void Single_inner_of_an_aggregate_becomes_the_cause()
    {
        var exception = new AggregateException(new TimeoutException("slow"));

        var json = Envelope(LambdaError.FromException(exception));

        Assert.Equal("AggregateException", json.GetProperty("errorType").GetString());
        Assert.Equal("TimeoutException", json.GetProperty("cause").GetProperty("errorType").GetString());
    }

    [Fact]
    public void Attribute_on_the_exception_class_chooses_the_error_type()
    {
        Assert.Equal("OrderRejected", LambdaError.FromException(new OrderRejectedException("no")).ErrorType);
        Assert.Equal("Rejected", LambdaError.FromException(new DerivedRejectedException()).ErrorType);
    }

    [Fact]
    public void Interface_on_the_exception_chooses_the_error_type_at_run_time()
    {
        Assert.Equal("Payment.Declined", LambdaError.FromException(new ChosenAtRunTimeException("Payment.Declined")).ErrorType);
        Assert.Equal("ChosenAtRunTimeException", LambdaError.FromException(new ChosenAtRunTimeException(string.Empty)).ErrorType);
    }

    [Fact]
    public void Explicit_error_type_overrides_the_exception_and_keeps_the_message()
    {
        var error = LambdaError.FromException("Runtime.UnknownEventSource", new InvalidOperationException("no handler for aws:sqs"));

        var json = Envelope(error);

        Assert.Equal("Runtime.UnknownEventSource", json.GetProperty("errorType").GetString());
        Assert.Equal("no handler for aws:sqs", json.GetProperty("errorMessage").GetString());
    }

    [Fact]
    public void Very_long_message_is_truncated_so_the_report_stays_small()
    {
        var error = LambdaError.FromException(new InvalidOperationException(new string('m', 300_000)));

        Assert.True(error.ToUtf8Json().Length < 256 * 1024);
        Assert.EndsWith("…", error.ErrorMessage, StringComparison.Ordinal);
    }
}

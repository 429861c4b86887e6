using LambdaKit.Testing;

namespace LambdaKitFunction.Tests;

/// <summary>
/// The function's own Program, run in-process up to RunAsync by <see cref="LambdaTestHost"/>: each invocation goes through
/// LambdaKit's real pipeline (deserialization, routing, a DI scope, the error report) without a Runtime API or sockets.
/// </summary>
public sealed class FunctionTests
{
    [Fact]
    public async Task Event_is_answered_by_the_handler()
    {
        await using var host = await LambdaTestHost.StartAsync<Program>();

        var result = await host.InvokeAsync("""{"name":"Ada"}""", new InvocationRequest { RequestId = "req-ada" });

        Assert.True(result.IsSuccess, result.ToString());
        var response = result.ReadResponse(FunctionJsonContext.Default.GreetingResponse);
        Assert.Equal("hello Ada", response.Message);
        Assert.Equal("req-ada", response.RequestId);
    }

    [Fact]
    public async Task Event_without_a_name_is_reported_as_an_error()
    {
        await using var host = await LambdaTestHost.StartAsync<Program>();

        var result = await host.InvokeAsync("""{"name":" "}""");

        Assert.Equal("ArgumentException", result.Error?.ErrorType);
        Assert.Contains("needs a name", result.Error!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_deserialization_error()
    {
        await using var host = await LambdaTestHost.StartAsync<Program>();

        var result = await host.InvokeAsync("""{"name":""");

        Assert.Equal("Function.JsonDeserializationError", result.Error?.ErrorType);
    }
}

using LambdaKit.Testing;
using Microsoft.Extensions.Logging;

namespace LambdaKitFunction.Tests;

/// <summary>The handler called directly, with a <see cref="TestLambdaContext"/>.</summary>
public sealed class GreetingHandlerTests
{
    [Fact]
    public async Task Greets_by_name_and_logs_it()
    {
        using var context = new TestLambdaContext { AwsRequestId = "req-1" };

        var response = await new GreetingHandler().HandleAsync(new GreetingRequest("Ada"), context, context.CancellationToken);

        Assert.Equal("hello Ada", response.Message);
        Assert.Equal("req-1", response.RequestId);
        Assert.Contains(((TestLambdaLogger)context.Logger).Lines, line => line.Level == LogLevel.Information && line.Message == "Greeting Ada");
    }
}

namespace LambdaKit.Tests.Runtime;

public sealed class LambdaEnvironmentDefaultsTests
{
    [Fact]
    public void Environment_defaults_apply_when_variables_are_unset_or_invalid()
    {
        var values = new Dictionary<string, string>
        {
            ["AWS_DEFAULT_REGION"] = "us-west-2",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "lots",
            ["AWS_LAMBDA_MAX_CONCURRENCY"] = "0",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "7",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/f",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/11/22/[7]abc",
        };

        var environment = new LambdaEnvironment(name => values.GetValueOrDefault(name));
        var empty = new LambdaEnvironment(_ => null);

        Assert.Equal("us-west-2", environment.Region);
        Assert.Equal(0, environment.MemoryLimitInMB);
        Assert.Equal(1, environment.MaxConcurrency);
        Assert.Equal("7", environment.FunctionVersion);
        Assert.Equal("/aws/lambda/f", environment.LogGroupName);
        Assert.Equal("2026/11/22/[7]abc", environment.LogStreamName);
        Assert.Null(empty.RuntimeApi);
        Assert.Equal(string.Empty, empty.FunctionName);
        Assert.Equal("$LATEST", empty.FunctionVersion);
        Assert.Equal(string.Empty, empty.LogGroupName);
        Assert.Equal(string.Empty, empty.LogStreamName);
        Assert.Null(empty.Region);
        Assert.Equal("on-demand", empty.InitializationType);
        Assert.True(empty.IsOnDemand);
        Assert.True(new LambdaEnvironment(name => name == "AWS_LAMBDA_INITIALIZATION_TYPE" ? "On-Demand" : null).IsOnDemand);
        Assert.False(new LambdaEnvironment(name => name == "AWS_LAMBDA_INITIALIZATION_TYPE" ? "snap-start" : null).IsOnDemand);
        Assert.Equal(1, empty.MaxConcurrency);
        Assert.Equal(3, new LambdaEnvironment(name => name == "AWS_LAMBDA_MAX_CONCURRENCY" ? "3" : null).MaxConcurrency);
        Assert.Equal("eu-west-3", new LambdaEnvironment(name => name is "AWS_REGION" ? "eu-west-3" : name is "AWS_DEFAULT_REGION" ? "us-east-1" : null).Region);
    }
}

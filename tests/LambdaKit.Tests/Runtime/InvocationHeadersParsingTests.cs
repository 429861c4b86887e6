using LambdaKit.Runtime;

namespace LambdaKit.Tests.Runtime;

public sealed class InvocationHeadersParsingTests
{
    private static Func<RuntimeHeader, string?> Next(params (string Name, string Value)[] headers)
    {
        var map = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return header => map.GetValueOrDefault(RuntimeHeaders.Name(header));
    }

    [Fact]
    public void Every_runtime_header_is_read()
    {
        var response = Next(
            ("Lambda-Runtime-Aws-Request-Id", "8476a536-e9f4-11e8-9739-2dfe598c3fcd"),
            ("Lambda-Runtime-Deadline-Ms", "1542409706888"),
            ("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-2:123456789012:function:custom-runtime:prod"),
            ("Lambda-Runtime-Trace-Id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1"),
            ("Lambda-Runtime-Client-Context", """{"client":{"app_title":"a"},"custom":{},"env":{}}"""),
            ("Lambda-Runtime-Cognito-Identity", """{"cognitoIdentityId":"i","cognitoIdentityPoolId":"p"}"""),
            ("Lambda-Runtime-Aws-Tenant-Id", "tenant-42"));

        var headers = RuntimeHeaders.Parse(response);

        Assert.Equal("8476a536-e9f4-11e8-9739-2dfe598c3fcd", headers.RequestId);
        Assert.Equal(1542409706888, headers.DeadlineMs);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1542409706888), headers.Deadline);
        Assert.Equal("arn:aws:lambda:us-east-2:123456789012:function:custom-runtime:prod", headers.InvokedFunctionArn);
        Assert.Equal("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1", headers.TraceId);
        Assert.Equal("""{"client":{"app_title":"a"},"custom":{},"env":{}}""", headers.ClientContextJson);
        Assert.Equal("""{"cognitoIdentityId":"i","cognitoIdentityPoolId":"p"}""", headers.CognitoIdentityJson);
        Assert.Equal("tenant-42", headers.TenantId);
    }

    [Fact]
    public void Optional_headers_are_null_when_absent()
    {
        var response = Next(("Lambda-Runtime-Aws-Request-Id", "r"), ("Lambda-Runtime-Deadline-Ms", "1"));

        var headers = RuntimeHeaders.Parse(response);

        Assert.Null(headers.InvokedFunctionArn);
        Assert.Null(headers.TraceId);
        Assert.Null(headers.ClientContextJson);
        Assert.Null(headers.CognitoIdentityJson);
        Assert.Null(headers.TenantId);
    }

    [Fact]
    public void Missing_request_id_is_an_invalid_invocation_that_cannot_be_answered()
    {
        var response = Next(("Lambda-Runtime-Deadline-Ms", "1"));

        var exception = Assert.Throws<InvalidInvocationException>(() => RuntimeHeaders.Parse(response));
        Assert.Null(exception.RequestId);
        Assert.Contains("Lambda-Runtime-Aws-Request-Id", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("99999999999999999999999")]
    public void Missing_or_invalid_deadline_is_an_invalid_invocation_with_its_request_id(string? deadline)
    {
        var response = deadline is null
            ? Next(("Lambda-Runtime-Aws-Request-Id", "r"))
            : Next(("Lambda-Runtime-Aws-Request-Id", "r"), ("Lambda-Runtime-Deadline-Ms", deadline));

        var exception = Assert.Throws<InvalidInvocationException>(() => RuntimeHeaders.Parse(response));
        Assert.Equal("r", exception.RequestId);
        Assert.Equal(InvalidInvocationException.InvalidHeaderType, exception.ErrorType);
        Assert.Contains("Lambda-Runtime-Deadline-Ms", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lambda-Runtime-Aws-Request-Id", (int)RuntimeHeader.RequestId)]
    [InlineData("lambda-runtime-deadline-ms", (int)RuntimeHeader.Deadline)]
    [InlineData("LAMBDA-RUNTIME-INVOKED-FUNCTION-ARN", (int)RuntimeHeader.FunctionArn)]
    [InlineData("Lambda-Runtime-Trace-Id", (int)RuntimeHeader.TraceId)]
    [InlineData("Lambda-Runtime-Client-Context", (int)RuntimeHeader.ClientContext)]
    [InlineData("Lambda-Runtime-Cognito-Identity", (int)RuntimeHeader.CognitoIdentity)]
    [InlineData("Lambda-Runtime-Aws-Tenant-Id", (int)RuntimeHeader.TenantId)]
    public void A_received_header_is_kept_under_its_name_whatever_its_case(string name, int index)
    {
        var header = (RuntimeHeader)index;
        var response = new RuntimeApiResponse();

        response.SetInvocationHeader(System.Text.Encoding.ASCII.GetBytes(name), "v"u8);

        Assert.Equal("v", response.GetHeader(header));
        Assert.Equal(name, RuntimeHeaders.Name(header), StringComparer.OrdinalIgnoreCase);
        Assert.All(Enum.GetValues<RuntimeHeader>().Where(other => other != header), other => Assert.Null(response.GetHeader(other)));
    }

    [Theory]
    [InlineData("Lambda-Runtime-Unknown")]
    [InlineData("Lambda-Runtime-Aws-Request-Id-Extra")]
    [InlineData("Lambda-Runtime-Aws-Request")]
    public void Other_lambda_runtime_headers_are_ignored(string name)
    {
        var response = new RuntimeApiResponse();

        response.SetInvocationHeader(System.Text.Encoding.ASCII.GetBytes(name), "v"u8);

        Assert.All(Enum.GetValues<RuntimeHeader>(), header => Assert.Null(response.GetHeader(header)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("99999999999999999999999")]
    [InlineData("999999999999999999")]
    public void Response_read_from_bytes_with_a_missing_or_invalid_deadline_is_an_invalid_invocation_with_its_request_id(string? deadline)
    {
        var response = new RuntimeApiResponse();
        response.SetInvocationHeader("Lambda-Runtime-Aws-Request-Id"u8, "r"u8);
        if (deadline is not null)
        {
            response.SetInvocationHeader("Lambda-Runtime-Deadline-Ms"u8, System.Text.Encoding.ASCII.GetBytes(deadline));
        }

        var exception = Assert.Throws<InvalidInvocationException>(() => RuntimeHeaders.Parse(response.Lookup));
        Assert.Equal("r", exception.RequestId);
        Assert.Equal(InvalidInvocationException.InvalidHeaderType, exception.ErrorType);
        Assert.Contains("Lambda-Runtime-Deadline-Ms", exception.Message, StringComparison.Ordinal);
        if (deadline is not null)
        {
            Assert.Contains(deadline, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Response_read_from_bytes_gives_every_header_and_reuses_an_unchanged_function_arn()
    {
        var response = new RuntimeApiResponse();
        response.SetInvocationHeader("lambda-runtime-aws-request-id"u8, "id-1"u8);
        response.SetInvocationHeader("Lambda-Runtime-Deadline-Ms"u8, "1542409706888"u8);
        response.SetInvocationHeader("Lambda-Runtime-Invoked-Function-Arn"u8, "arn:aws:lambda:us-east-2:1:function:f"u8);
        response.SetInvocationHeader("Lambda-Runtime-Trace-Id"u8, "Root=1-a"u8);
        var first = RuntimeHeaders.Parse(response.Lookup);
        response.Reset();
        response.SetInvocationHeader("Lambda-Runtime-Aws-Request-Id"u8, "id-2"u8);
        response.SetInvocationHeader("Lambda-Runtime-Deadline-Ms"u8, "1542409706999"u8);
        response.SetInvocationHeader("Lambda-Runtime-Invoked-Function-Arn"u8, "arn:aws:lambda:us-east-2:1:function:f"u8);
        var second = RuntimeHeaders.Parse(response.Lookup);
        response.Reset();
        response.SetInvocationHeader("Lambda-Runtime-Aws-Request-Id"u8, "id-3"u8);
        response.SetInvocationHeader("Lambda-Runtime-Deadline-Ms"u8, "1"u8);
        response.SetInvocationHeader("Lambda-Runtime-Invoked-Function-Arn"u8, "arn:aws:lambda:us-east-2:1:function:f:alias"u8);
        var third = RuntimeHeaders.Parse(response.Lookup);

        Assert.Equal(("id-1", 1542409706888L, "Root=1-a"), (first.RequestId, first.DeadlineMs, first.TraceId));
        Assert.Equal(("id-2", 1542409706999L, (string?)null), (second.RequestId, second.DeadlineMs, second.TraceId));
        Assert.Equal("arn:aws:lambda:us-east-2:1:function:f", first.InvokedFunctionArn);
        Assert.Same(first.InvokedFunctionArn, second.InvokedFunctionArn);
        Assert.Equal("arn:aws:lambda:us-east-2:1:function:f:alias", third.InvokedFunctionArn);
        Assert.Equal(1, third.DeadlineMs);
    }

    [Fact]
    public void Environment_variables_are_read_with_defaults()
    {
        var values = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001",
            ["_HANDLER"] = "bootstrap",
            ["LAMBDA_TASK_ROOT"] = "/var/task",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "f",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["AWS_REGION"] = "eu-central-1",
            ["AWS_EXECUTION_ENV"] = "AWS_Lambda_provided.al2023",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "provisioned-concurrency",
            ["AWS_LAMBDA_LOG_FORMAT"] = "JSON",
            ["AWS_LAMBDA_LOG_LEVEL"] = "DEBUG",
            ["AWS_LAMBDA_MAX_CONCURRENCY"] = "4",
        };

        var environment = new LambdaEnvironment(name => values.GetValueOrDefault(name));

        Assert.Equal("127.0.0.1:9001", environment.RuntimeApi);
        Assert.Equal("bootstrap", environment.Handler);
        Assert.Equal("/var/task", environment.TaskRoot);
        Assert.Equal("f", environment.FunctionName);
        Assert.Equal("$LATEST", environment.FunctionVersion);
        Assert.Equal(512, environment.MemoryLimitInMB);
        Assert.Equal("eu-central-1", environment.Region);
        Assert.Equal("AWS_Lambda_provided.al2023", environment.ExecutionEnvironment);
        Assert.False(environment.IsOnDemand);
        Assert.Equal("JSON", environment.LogFormat);
        Assert.Equal("DEBUG", environment.LogLevel);
        Assert.Equal(4, environment.MaxConcurrency);
    }
}

using LambdaKit.Context;
using LambdaKit.Tests.TestHelpers;

namespace LambdaKit.Tests.Context;

public sealed class InvocationContextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static LambdaEnvironment Environment(Dictionary<string, string> values) => new(name => values.GetValueOrDefault(name));

    [Fact]
    public void Remaining_time_is_the_deadline_minus_now_and_never_negative()
    {
        var time = new ManualTimeProvider(Now);
        var headers = new InvocationHeaders("req-1", Now.AddSeconds(3).ToUnixTimeMilliseconds());
        var context = new InvocationContext(headers, Environment([]), time, new RecordingLogger(), isColdStart: false);

        Assert.Equal(TimeSpan.FromSeconds(3), context.RemainingTime);
        time.Advance(TimeSpan.FromMilliseconds(2_250));
        Assert.Equal(TimeSpan.FromMilliseconds(750), context.RemainingTime);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
        Assert.Equal(Now.AddSeconds(3), context.Deadline);
    }

    [Fact]
    public void Context_exposes_environment_variables_and_headers_under_Amazon_member_names()
    {
        var environment = Environment(new()
        {
            ["AWS_LAMBDA_FUNCTION_NAME"] = "orders",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "7",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "1024",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/orders",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/11/22/[7]abc",
        });
        var headers = new InvocationHeaders("req-2", Now.ToUnixTimeMilliseconds())
        {
            InvokedFunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:orders:live",
            TraceId = "Root=1-abc",
            TenantId = "tenant-9",
            CognitoIdentityJson = """{"cognitoIdentityId":"id-1","cognitoIdentityPoolId":"pool-1"}""",
            ClientContextJson = """{"client":{"installation_id":"inst","app_title":"Shop","app_version_name":"1.2","app_version_code":"12","app_package_name":"com.shop"},"custom":{"k":"v"},"env":{"platform":"Android"}}""",
        };
        var context = new InvocationContext(headers, environment, new ManualTimeProvider(Now), new RecordingLogger(), isColdStart: true);

        Assert.Equal("req-2", context.AwsRequestId);
        Assert.Equal("orders", context.FunctionName);
        Assert.Equal("7", context.FunctionVersion);
        Assert.Equal(1024, context.MemoryLimitInMB);
        Assert.Equal("/aws/lambda/orders", context.LogGroupName);
        Assert.Equal("2026/11/22/[7]abc", context.LogStreamName);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:orders:live", context.InvokedFunctionArn);
        Assert.Equal("Root=1-abc", context.TraceId);
        Assert.Equal("tenant-9", context.TenantId);
        Assert.True(context.IsColdStart);
        Assert.Equal("id-1", context.Identity!.IdentityId);
        Assert.Equal("pool-1", context.Identity.IdentityPoolId);
        Assert.Equal("Shop", context.ClientContext!.Client!.AppTitle);
        Assert.Equal("inst", context.ClientContext.Client.InstallationId);
        Assert.Equal("com.shop", context.ClientContext.Client.AppPackageName);
        Assert.Equal("12", context.ClientContext.Client.AppVersionCode);
        Assert.Equal("1.2", context.ClientContext.Client.AppVersionName);
        Assert.Equal("v", context.ClientContext.Custom["k"]);
        Assert.Equal("Android", context.ClientContext.Environment["platform"]);
    }

    [Fact]
    public void Missing_or_malformed_identity_headers_give_null_not_an_exception()
    {
        var headers = new InvocationHeaders("req-3", Now.ToUnixTimeMilliseconds()) { CognitoIdentityJson = "{not json", ClientContextJson = "[]" };
        var context = new InvocationContext(headers, Environment([]), new ManualTimeProvider(Now), new RecordingLogger(), isColdStart: false);

        Assert.Null(context.Identity);
        Assert.Null(context.ClientContext);
    }
}

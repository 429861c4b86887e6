using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace LambdaKit.Testing.Tests.RuntimeApi;

/// <summary>The local Runtime API over real HTTP on 127.0.0.1, as a custom runtime sees it.</summary>
public sealed class LocalRuntimeApiTests : IAsyncLifetime
{
    private LocalRuntimeApi _api = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { FunctionTimeout = TimeSpan.FromSeconds(3), FunctionName = "probe", MaxResponseBytes = 1024 });
        _http = new HttpClient { BaseAddress = _api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    [Fact]
    public async Task Next_hands_out_the_queued_event_with_runtime_headers_and_a_deadline_from_the_timeout()
    {
        var request = new InvocationRequest { RequestId = "req-7", TraceId = "Root=1-x", ClientContext = "{\"custom\":{}}", CognitoIdentity = "{\"cognitoIdentityId\":\"i\"}", TenantId = "t-1" };
        var pending = _api.InvokeAsync("""{"a":1}""", request);
        var before = DateTimeOffset.UtcNow;

        using var next = await _http.GetAsync("/2018-06-01/runtime/invocation/next");
        var after = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal("""{"a":1}""", await next.Content.ReadAsStringAsync());
        Assert.Equal("req-7", Header(next, "Lambda-Runtime-Aws-Request-Id"));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:probe", Header(next, "Lambda-Runtime-Invoked-Function-Arn"));
        Assert.Equal("Root=1-x", Header(next, "Lambda-Runtime-Trace-Id"));
        Assert.Equal("{\"custom\":{}}", Header(next, "Lambda-Runtime-Client-Context"));
        Assert.Equal("{\"cognitoIdentityId\":\"i\"}", Header(next, "Lambda-Runtime-Cognito-Identity"));
        Assert.Equal("t-1", Header(next, "Lambda-Runtime-Aws-Tenant-Id"));
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Header(next, "Lambda-Runtime-Deadline-Ms"), CultureInfo.InvariantCulture));
        // Set when the invocation is handed out (between before and after), three seconds ahead; the header has whole milliseconds.
        Assert.InRange(deadline, before.AddSeconds(3).AddMilliseconds(-1), after.AddSeconds(3));

        using var answer = await _http.PostAsync("/2018-06-01/runtime/invocation/req-7/response", new StringContent("""{"b":2}"""));
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var result = await pending;
        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        Assert.Equal("""{"b":2}""", result.BodyText);
    }

    [Fact]
    public async Task Error_is_recorded_with_its_error_type_header()
    {
        var pending = _api.InvokeAsync("{}", new InvocationRequest { RequestId = "req-e" });
        using var next = await _http.GetAsync("/2018-06-01/runtime/invocation/next");
        using var content = new StringContent("""{"errorType":"X","errorMessage":"m","stackTrace":[]}""", Encoding.UTF8, "application/vnd.aws.lambda.error+json");
        content.Headers.Add("Lambda-Runtime-Function-Error-Type", "X");

        using var answer = await _http.PostAsync("/2018-06-01/runtime/invocation/req-e/error", content);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var result = await pending;
        Assert.Equal(InvocationOutcome.Error, result.Outcome);
        Assert.Equal("X", result.ErrorTypeHeader);
    }

    [Fact]
    public async Task Response_over_the_limit_is_refused_with_413_and_the_invocation_can_still_report_an_error()
    {
        var pending = _api.InvokeAsync("{}", new InvocationRequest { RequestId = "req-big" });
        using var next = await _http.GetAsync("/2018-06-01/runtime/invocation/next");

        using var tooLarge = await _http.PostAsync("/2018-06-01/runtime/invocation/req-big/response", new ByteArrayContent(new byte[1025]));
        using var error = await _http.PostAsync("/2018-06-01/runtime/invocation/req-big/error", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, error.StatusCode);
        Assert.Equal(InvocationOutcome.Error, (await pending).Outcome);
    }

    [Fact]
    public async Task Answer_to_an_unknown_or_already_answered_request_is_refused_with_400()
    {
        var pending = _api.InvokeAsync("{}", new InvocationRequest { RequestId = "req-once" });
        using var next = await _http.GetAsync("/2018-06-01/runtime/invocation/next");
        using var first = await _http.PostAsync("/2018-06-01/runtime/invocation/req-once/response", new StringContent("1"));
        await pending;

        using var again = await _http.PostAsync("/2018-06-01/runtime/invocation/req-once/response", new StringContent("2"));
        using var unknown = await _http.PostAsync("/2018-06-01/runtime/invocation/nope/response", new StringContent("3"));

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Invocation_not_answered_by_its_deadline_times_out()
    {
        var pending = _api.InvokeAsync("{}", new InvocationRequest { Timeout = TimeSpan.FromMilliseconds(300) });
        using var next = await _http.GetAsync("/2018-06-01/runtime/invocation/next");

        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(InvocationOutcome.TimedOut, result.Outcome);
    }

    [Fact]
    public async Task Init_error_is_recorded()
    {
        using var content = new StringContent("""{"errorType":"Boot","errorMessage":"no","stackTrace":[]}""");
        content.Headers.Add("Lambda-Runtime-Function-Error-Type", "Runtime.Boot");

        using var answer = await _http.PostAsync("/2018-06-01/runtime/init/error", content);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var error = await _api.InitError.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("Runtime.Boot", error.ErrorTypeHeader);
    }

    [Fact]
    public async Task Internal_extension_registration_is_answered_with_an_identifier()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/2020-01-01/extension/register") { Content = new StringContent("""{"events":[]}""") };
        request.Headers.Add("Lambda-Extension-Name", "LambdaKit");

        using var answer = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(string.IsNullOrEmpty(Header(answer, "Lambda-Extension-Identifier")));
        Assert.Equal(1, _api.ExtensionRegistrations);
    }

    [Fact]
    public async Task Invoke_endpoint_returns_the_function_answer_like_the_runtime_interface_emulator()
    {
        var invoke = _http.PostAsync("/2015-03-31/functions/function/invocations", new StringContent("""{"name":"world"}"""));
        using var next = await _http.GetAsync("/2018-06-01/runtime/invocation/next");
        var requestId = Header(next, "Lambda-Runtime-Aws-Request-Id");
        Assert.Equal("""{"name":"world"}""", await next.Content.ReadAsStringAsync());
        using var posted = await _http.PostAsync($"/2018-06-01/runtime/invocation/{requestId}/response", new StringContent("\"hello world\""));

        using var answer = await invoke;

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("\"hello world\"", await answer.Content.ReadAsStringAsync());
        Assert.False(answer.Headers.Contains("X-Amz-Function-Error"));
    }

    [Fact]
    public async Task Invoke_endpoint_honours_the_function_timeout()
    {
        await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { FunctionTimeout = TimeSpan.FromMilliseconds(400) });
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        var invoke = http.PostAsync("/2015-03-31/functions/function/invocations", new StringContent("{}"));
        using var next = await http.GetAsync("/2018-06-01/runtime/invocation/next");

        using var answer = await invoke.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Unhandled", answer.Headers.GetValues("X-Amz-Function-Error").Single());
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("Sandbox.Timedout", body.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("Task timed out after 0.40 seconds", body.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }
}

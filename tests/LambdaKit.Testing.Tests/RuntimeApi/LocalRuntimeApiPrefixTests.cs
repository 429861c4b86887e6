using System.Net;

namespace LambdaKit.Testing.Tests.RuntimeApi;

/// <summary>The local Runtime API as AWS's Lambda Test Tool serves it: under a path prefix, invoked by any function name.</summary>
public sealed class LocalRuntimeApiPrefixTests
{
    [Theory]
    [InlineData("function")]
    [InlineData("SomeFunction")]
    [InlineData("my-other_fn")]
    public async Task Invoke_endpoint_accepts_any_function_name(string name)
    {
        await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { PathPrefix = "/SomeFunction" });
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var invoke = http.PostAsync($"/2015-03-31/functions/{name}/invocations", new StringContent("""{"n":1}"""));
        using var next = await http.GetAsync("/SomeFunction/2018-06-01/runtime/invocation/next");
        var id = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();
        using var answer = await http.PostAsync($"/SomeFunction/2018-06-01/runtime/invocation/{id}/response", new StringContent("""{"ok":true}"""));
        using var result = await invoke;

        Assert.Equal("""{"n":1}""", await next.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal("""{"ok":true}""", await result.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_a_prefix_the_runtime_api_is_not_served_outside_it_and_the_address_carries_it()
    {
        await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { PathPrefix = "SomeFunction/" });
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        using var outside = await http.PostAsync("/2018-06-01/runtime/init/error", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(api.Address + "/SomeFunction", api.RuntimeApiAddress);
    }

    [Theory]
    [InlineData("/2015-03-31/functions/a/invocations", true)]
    [InlineData("/2015-03-31/functions//invocations", false)]
    [InlineData("/2015-03-31/functions/a/b/invocations", false)]
    [InlineData("/2015-03-31/functions/a/invocation", false)]
    public void Invoke_path_is_one_function_name_segment(string path, bool expected)
        => Assert.Equal(expected, LocalRuntimeApi.IsInvokePath(path));
}

using System.Text.RegularExpressions;
using LambdaKit.EndToEnd.Tests.Deploy;
using LambdaKit.EndToEnd.Tests.TestHelpers;
using LambdaKit.Testing;

namespace LambdaKit.EndToEnd.Tests;

/// <summary>The samples publish Native AOT (net8.0, linux-x64) with no trim/AOT warning, and the binary answers invocations.</summary>
[Collection(CpuHeavyTests.Name)]
public sealed partial class NativeAotTests
{
    [GeneratedRegex(@"warning (IL\d+|AOT\d+|CS\d+|CA\d+|NU\d+|NETSDK\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex WarningPattern();

    private const string EventsContextName = "LambdaKitEventsJsonContext";

    /// <summary>Whether the executable holds <paramref name="name"/> in its bytes (the AOT compiler keeps the names of compiled types).</summary>
    private static bool Mentions(string path, string name)
        => File.ReadAllBytes(path).AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(name)) >= 0;

    internal static async Task<string> PublishAotAsync(string sample)
    {
        // The sample is published once per run, as Amazon.Lambda.Tools publish it (LambdaToolsDeployTests checks its zip).
        var publish = await LambdaToolsReplay.PublishAsync(sample);
        Assert.True(publish.ExitCode == 0, publish.Log);
        Assert.True(publish.IsNativeAot, $"{sample} does not publish Native AOT: dotnet {publish.ToolsCommand}");
        var warnings = WarningPattern().Matches(publish.Log).Select(m => m.Value).Distinct().ToArray();
        Assert.True(warnings.Length == 0, $"The AOT publish printed warnings: {string.Join(", ", warnings)}{Environment.NewLine}{publish.Log}");
        var bootstrap = Path.Combine(publish.PublishDirectory, "bootstrap");
        Assert.True(File.Exists(bootstrap), $"No bootstrap executable in {publish.PublishDirectory}.");
        return bootstrap;
    }

    [Fact]
    [Trait("Category", "AOT")]
    public async Task HelloWorld_publishes_native_aot_without_warnings_and_the_binary_answers()
    {
        var bootstrap = await PublishAotAsync("HelloWorld");

        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("HelloWorld", api, executable: bootstrap);
        var answer = await api.InvokeAsync("""{"name":"native"}""").WaitAsync(TimeSpan.FromSeconds(30));
        var failure = await api.InvokeAsync("""{"name":"native","fail":"boom"}""").WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(InvocationOutcome.Response, answer.Outcome);
        Assert.Contains("\"message\":\"hello native\"", answer.BodyText, StringComparison.Ordinal);
        Assert.Equal(InvocationOutcome.Error, failure.Outcome);
        Assert.Equal("HelloFailed", failure.ErrorTypeHeader);

        // HelloWorld sets LambdaKitEventTypeLookup=false and uses no LambdaKit.Events type: the context is trimmed away
        // (4.6 instead of 6.9 MB). Showcase, which handles events, keeps it (the test below).
        Assert.False(Mentions(bootstrap, EventsContextName), $"{bootstrap} still contains {EventsContextName}.");
    }

    [Fact]
    [Trait("Category", "AOT")]
    public async Task Showcase_publishes_native_aot_without_warnings_and_routes_events()
    {
        var bootstrap = await PublishAotAsync("Showcase");

        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("Showcase", api, executable: bootstrap);
        var http = await api.InvokeAsync(SampleEvents.Http("apigateway/http-api-v2-no-authorizer.json", "GET", "/hello/aot")).WaitAsync(TimeSpan.FromSeconds(30));
        var sns = await api.InvokeAsync(SampleEvents.Text("sns/notification.json")).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(InvocationOutcome.Response, http.Outcome);
        Assert.Contains("hello aot", http.BodyText, StringComparison.Ordinal);
        Assert.Equal(InvocationOutcome.Response, sns.Outcome);
        Assert.Contains("\"source\":\"sns\"", sns.BodyText, StringComparison.Ordinal);
        Assert.True(Mentions(bootstrap, EventsContextName), $"{bootstrap} does not contain {EventsContextName}: the check above proves nothing.");
    }
}

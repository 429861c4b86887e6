using LambdaKit.EndToEnd.Tests.TestHelpers;
using LambdaKit.Testing;

namespace LambdaKit.EndToEnd.Tests;

/// <summary>
/// Graceful shutdown of a real process: SIGTERM (Lambda's) and SIGINT (Ctrl+C in a local run) stop the loop after the
/// invocation in flight was answered; no further invocation is taken and the process exits 0.
/// </summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Signals => new() { "TERM", "INT" };

    [Theory]
    [MemberData(nameof(Signals))]
    public async Task Stop_signal_mid_invocation_lets_it_be_answered_then_the_process_exits_0_without_taking_another(string signal)
    {
        if (signal == "INT" && IgnoresSigint())
        {
            // Started in the background without job control: SIGINT is ignored here and in every child, as Ctrl+C would be.
            return;
        }

        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string> { ["WARM_CONNECT_MS"] = "10" });

        // The handler logs its start, then works for 5 s: the signal arrives while it runs.
        var inFlight = api.InvokeAsync("""{"question":"in flight","sleepMs":5000,"log":true}""", new InvocationRequest { RequestId = "in-flight" });
        await function.WaitForOutputAsync("Invocation in-flight started", Patience);
        Assert.False(inFlight.IsCompleted, "answered before the signal was sent: the test proves nothing");
        function.Signal(signal);
        var queued = api.InvokeAsync("""{"question":"after the signal"}""", new InvocationRequest { RequestId = "queued" });
        var exitCode = await function.WaitForExitAsync(Patience);
        var answer = await inFlight.WaitAsync(Patience);

        Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{function}");
        Assert.True(answer.Outcome == InvocationOutcome.Response, $"{answer}{Environment.NewLine}{function}");
        using (var body = answer.ParseBody())
        {
            Assert.Equal("in-flight", body.RootElement.GetProperty("requestId").GetString());
        }

        Assert.Equal(1, api.NextCalls);
        Assert.False(queued.IsCompleted);
        Assert.Contains(function.StandardOutput, l => l.Contains("WarmState: client 1 disposed after 1 queries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigterm_during_the_init_phase_exits_0_without_an_init_error_or_an_invocation()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string>
        {
            // The warm-up connects in the init phase and takes a minute: the signal arrives during it.
            ["WARM_UP_AT_START"] = "true",
            ["WARM_CONNECT_MS"] = "60000",
        });
        using (var waiting = new CancellationTokenSource(Patience))
        {
            // The extension registers first in the init phase, the warm-up follows: either way the init phase is under way.
            while (api.ExtensionRegistrations == 0 && !function.HasExited && !waiting.IsCancellationRequested)
            {
                await Task.Delay(20, CancellationToken.None);
            }
        }

        Assert.True(api.ExtensionRegistrations == 1, function.ToString());

        function.Terminate();
        var exitCode = await function.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{function}");
        Assert.Equal(0, api.NextCalls);
        Assert.False(api.InitError.IsCompleted, function.ToString());
        Assert.DoesNotContain(function.StandardError, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    private static bool IgnoresSigint()
    {
        // SigIgn is a hexadecimal mask of the ignored signals; SIGINT (2) is bit 1.
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & 0b10) != 0;
    }
}

using System.Diagnostics;
using System.Text;

namespace LambdaKit.TestSupport;

/// <summary>
/// Runs the dotnet CLI as a child process and captures stdout and stderr together. Shared by the end-to-end tests, the
/// template tests and the soak (linked as source from tests/Shared): a nested build never reuses the outer run's
/// MSBuild nodes, and a run that outlives its timeout is killed with its process tree.
/// </summary>
internal static class DotnetCli
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and throws with the captured output unless it exits with 0.</summary>
    public static async Task<string> RunAsync(string? workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var (exitCode, output) = await TryRunAsync(workingDirectory, timeout, arguments).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} exited with {exitCode} in {workingDirectory ?? Environment.CurrentDirectory}:{Environment.NewLine}{output}");
        }

        return output;
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> (in <paramref name="workingDirectory"/>, or the current one when null).</summary>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/>; the message holds what it printed.</exception>
    public static async Task<(int ExitCode, string Output)> TryRunAsync(string? workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {timeout}.{Environment.NewLine}{output}");
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

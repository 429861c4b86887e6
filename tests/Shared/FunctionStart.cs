using System.Diagnostics;
using System.Globalization;
using LambdaKit.Testing;

namespace LambdaKit.TestSupport;

/// <summary>
/// The start of a function as a real process pointed at a <see cref="LocalRuntimeApi"/>, with the environment variables
/// Lambda gives a function (runtime API address, name, version, memory, log group and stream, region, init type), output
/// redirected. Shared by the end-to-end tests, the template tests and the soak (linked as source from tests/Shared).
/// </summary>
internal static class FunctionStart
{
    /// <summary>
    /// <c>dotnet <paramref name="program"/></c> for a <c>.dll</c>, or <paramref name="program"/> itself for a native
    /// executable; <paramref name="environment"/> adds to or overrides the Lambda variables.
    /// </summary>
    public static ProcessStartInfo For(string program, LocalRuntimeApi api, string logStreamName, int memoryMb = 256, IDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var start = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { program } }
            : new ProcessStartInfo(program);
        start.WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(program))!;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var env = start.Environment;
        env["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        env["AWS_LAMBDA_FUNCTION_NAME"] = api.Options.FunctionName;
        env["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = memoryMb.ToString(CultureInfo.InvariantCulture);
        env["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + api.Options.FunctionName;
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = logStreamName;
        env["AWS_REGION"] = api.Options.Region;
        env["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        env["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        return start;
    }

    /// <summary>Starts <paramref name="start"/>; throws when the process did not start.</summary>
    public static Process Start(ProcessStartInfo start)
        => Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
}

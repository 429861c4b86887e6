using System.Globalization;
using System.Text.Json;

namespace LambdaKit.Testing;

/// <summary>
/// Runs a function locally like on AWS: when <c>AWS_LAMBDA_RUNTIME_API</c> is not set, starts a <see cref="LocalRuntimeApi"/>
/// in-process on 127.0.0.1 (port 9000 unless <c>LAMBDAKIT_LOCAL_PORT</c> says otherwise), points the function at it and
/// prints how to invoke it with curl. The function timeout comes from <c>AWS_LAMBDA_FUNCTION_TIMEOUT</c> or from
/// <c>function-timeout</c> in <c>aws-lambda-tools-defaults.json</c>, and is honoured. In a process where a
/// <see cref="LambdaTestHost"/> runs a function's entry point, it does nothing.
/// </summary>
public static class LocalLambda
{
    private static LocalRuntimeApi? s_server;
    private static bool s_suppressed;

    /// <summary>The server started by <see cref="StartIfNotOnLambda"/>, if any.</summary>
    public static LocalRuntimeApi? Server => s_server;

    /// <summary>
    /// Starts the local Runtime API unless the process runs on Lambda (or under a test's Runtime API), and sets the
    /// environment variables the function reads.
    /// </summary>
    /// <returns><see langword="true"/> when a local server was started.</returns>
    public static bool StartIfNotOnLambda()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API")) || s_server is not null || Volatile.Read(ref s_suppressed))
        {
            return false;
        }

        var defaults = ReadToolsDefaults();
        var options = new LocalRuntimeApiOptions
        {
            Port = ReadInt(Environment.GetEnvironmentVariable("LAMBDAKIT_LOCAL_PORT")) ?? 9000,
            FunctionTimeout = TimeSpan.FromSeconds(ReadInt(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_TIMEOUT")) ?? defaults.Timeout ?? 30),
            FunctionName = defaults.Name ?? AppDomain.CurrentDomain.FriendlyName,
        };
        var server = LocalRuntimeApi.StartAsync(options).GetAwaiter().GetResult();
        s_server = server;
        SetIfMissing("AWS_LAMBDA_RUNTIME_API", server.Address);
        SetIfMissing("AWS_LAMBDA_FUNCTION_NAME", options.FunctionName);
        SetIfMissing("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        SetIfMissing("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", (defaults.Memory ?? 256).ToString(CultureInfo.InvariantCulture));
        SetIfMissing("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + options.FunctionName);
        SetIfMissing("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        SetIfMissing("AWS_REGION", options.Region);
        SetIfMissing("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        Console.Error.WriteLine(
            $"LambdaKit local Runtime API on http://{server.Address} (function timeout {options.FunctionTimeout.TotalSeconds:0.##} s). Invoke with:{Environment.NewLine}" +
            $"  curl -XPOST {server.InvokeEndpoint} -d '{{}}'");
        return true;
    }

    /// <summary>A <see cref="LambdaTestHost"/> runs functions in this process: their entry points start no local Runtime API.</summary>
    internal static void SuppressForInProcessHost() => Volatile.Write(ref s_suppressed, true);

    private static void SetIfMissing(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private static int? ReadInt(string? value)
        => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    private static (int? Timeout, int? Memory, string? Name) ReadToolsDefaults()
    {
        foreach (var folder in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            var path = Path.Combine(folder, "aws-lambda-tools-defaults.json");
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                var root = document.RootElement;
                return (Number(root, "function-timeout"), Number(root, "function-memory-size"), root.TryGetProperty("function-name", out var n) ? n.GetString() : null);
            }
            catch (JsonException)
            {
                return default;
            }
        }

        return default;
    }

    private static int? Number(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number => value.GetInt32(),
            JsonValueKind.String => ReadInt(value.GetString()),
            _ => null,
        } : null;
}

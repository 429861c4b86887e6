using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using System.Xml.XPath;

namespace LambdaKit.EndToEnd.Tests.Deploy;

/// <summary>
/// Replays what Amazon.Lambda.Tools (`dotnet lambda deploy-function` / `dotnet lambda package`) run for a project, as
/// their source builds it: the property look-up (`dotnet msbuild &lt;csproj&gt; -nologo --getProperty:… &lt;msbuild-parameters&gt;`,
/// with the csproj-XML reading as its fallback), the publish command line, and the zip of the publish folder.
/// Each sample is published once per test run; the Native AOT tests reuse that publish.
/// </summary>
internal static class LambdaToolsReplay
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);
    private static readonly ConcurrentDictionary<string, Lazy<Task<ToolsPublish>>> Publishes = new(StringComparer.Ordinal);

    public static string SamplesDirectory { get; } =
        typeof(LambdaToolsReplay).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SamplesDirectory").Value!;

    public static string ProjectDirectory(string sample) => Path.Combine(SamplesDirectory, sample);

    public static string ProjectFile(string sample) => Path.Combine(ProjectDirectory(sample), sample + ".csproj");

    /// <summary>The sample's aws-lambda-tools-defaults.json, the values the Tools read from it.</summary>
    public static ToolsDefaults ReadDefaults(string sample)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(ProjectDirectory(sample), "aws-lambda-tools-defaults.json")));
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new ToolsDefaults(
            Text("framework") ?? throw new InvalidOperationException($"{sample}: no framework in aws-lambda-tools-defaults.json."),
            Text("configuration") ?? "Release",
            Text("msbuild-parameters") ?? string.Empty,
            Text("function-runtime") ?? string.Empty,
            Text("function-handler") ?? string.Empty);
    }

    /// <summary>
    /// The Tools' <c>LookupProjectProperties</c>: one <c>dotnet msbuild</c> call; a single property prints its value, several
    /// print JSON. Returns the exit code, the values (empty when the call failed) and what it printed.
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyDictionary<string, string> Values, string Output)> LookupAsync(string sample, string? msbuildParameters, params string[] properties)
    {
        var arguments = $"msbuild {ProjectFile(sample)} -nologo --getProperty:{string.Join(',', properties)}";
        if (!string.IsNullOrEmpty(msbuildParameters))
        {
            arguments += " " + msbuildParameters;
        }

        var (exitCode, stdout, stderr) = await RunAsync("dotnet", arguments, ProjectDirectory(sample), TimeSpan.FromMinutes(2));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (exitCode == 0)
        {
            if (properties.Length == 1)
            {
                values[properties[0]] = stdout.Trim();
            }
            else
            {
                using var json = JsonDocument.Parse(stdout);
                foreach (var property in json.RootElement.GetProperty("Properties").EnumerateObject())
                {
                    values[property.Name] = property.Value.GetString() ?? string.Empty;
                }
            }
        }

        return (exitCode, values, stdout + stderr);
    }

    /// <summary>The Tools' fallback when the look-up fails: the first <c>//PropertyGroup/Name</c> element of the csproj, conditions ignored.</summary>
    public static string? ReadFromProjectXml(string sample, string property)
        => XDocument.Load(ProjectFile(sample)).XPathSelectElement($"//PropertyGroup/{property}") is { } element && !string.IsNullOrWhiteSpace(element.Value)
            ? element.Value
            : null;

    /// <summary>The Tools' <c>LookPublishAotFlag</c>: the msbuild-parameters decide first, then the project's PublishAot.</summary>
    public static async Task<bool> IsNativeAotAsync(string sample, string? msbuildParameters)
    {
        var compact = string.Concat((msbuildParameters ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        if (compact.Contains("publishaot=true", StringComparison.Ordinal))
        {
            return true;
        }

        if (compact.Contains("publishaot=false", StringComparison.Ordinal))
        {
            return false;
        }

        var (_, values, _) = await LookupAsync(sample, msbuildParameters, "PublishAot");
        return values.TryGetValue("PublishAot", out var value) && bool.TryParse(value, out var aot) && aot;
    }

    /// <summary>The sample published as the Tools publish it (once per test run), zipped as they zip it.</summary>
    public static Task<ToolsPublish> PublishAsync(string sample)
        => Publishes.GetOrAdd(sample, s => new Lazy<Task<ToolsPublish>>(() => PublishCoreAsync(s))).Value;

    private static async Task<ToolsPublish> PublishCoreAsync(string sample)
    {
        var defaults = ReadDefaults(sample);
        var isNativeAot = await IsNativeAotAsync(sample, defaults.MSBuildParameters);
        var root = Path.Combine(Path.GetTempPath(), "lambdakit-deploy", sample + "-" + Guid.NewGuid().ToString("N")[..8]);
        var output = Path.Combine(root, "publish");
        var artifacts = Path.Combine(root, "artifacts");
        var targetZip = Path.Combine(root, "target", sample + ".zip");

        // The Tools' publish command line (LambdaDotNetCLIWrapper): project, output, configuration, framework, the
        // defaults' msbuild-parameters, then their own switches; self-contained and stripped symbols for Native AOT.
        var arguments = new StringBuilder("publish")
            .Append($" \"{ProjectDirectory(sample)}\" --output \"{output}\" --configuration \"{defaults.Configuration}\" --framework \"{defaults.Framework}\"")
            .Append(string.IsNullOrEmpty(defaults.MSBuildParameters) ? string.Empty : " " + defaults.MSBuildParameters)
            .Append(" /p:GenerateRuntimeConfigurationFiles=true --runtime linux-x64")
            .Append(isNativeAot ? " --self-contained true /p:StripSymbols=true" : " --self-contained false");
        var toolsCommand = arguments.ToString();

        // Not the Tools': --artifacts-path keeps this publish's obj/bin (a net8.0-only restore of the library) away from the
        // solution's own build, and LambdaKitPackage runs LambdaKit's packaging target after the same publish, writing
        // its zip outside the publish folder, so that one publish checks both.
        arguments.Append($" --artifacts-path \"{artifacts}\" -p:LambdaKitPackage=true \"-p:LambdaKitPackageOutput={targetZip}\" -nologo -clp:NoSummary");

        var clock = Stopwatch.StartNew();
        var (exitCode, stdout, stderr) = await RunAsync("dotnet", arguments.ToString(), ProjectDirectory(sample), PublishTimeout);
        var publishTime = clock.Elapsed;
        TryDelete(artifacts);

        string? toolsZip = null;
        if (exitCode == 0)
        {
            toolsZip = Path.Combine(root, sample + ".zip");
            await ZipAsTheToolsDoAsync(output, toolsZip);
        }

        return new ToolsPublish(sample, defaults, isNativeAot, toolsCommand, exitCode, stdout + stderr, output, toolsZip, targetZip, publishTime);
    }

    /// <summary>
    /// The Tools' <c>BundleWithZipCLI</c> on Linux and macOS: the system's <c>zip</c>, run in the publish folder, given every
    /// file by its relative path except native symbols (*.dbg); zip records each file's Unix mode.
    /// </summary>
    private static async Task ZipAsTheToolsDoAsync(string publishDirectory, string zipPath)
    {
        var files = Directory.GetFiles(publishDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(publishDirectory, f))
            .Where(f => !f.EndsWith(".dbg", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var start = new ProcessStartInfo("zip") { WorkingDirectory = publishDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(zipPath);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The Tools zip with the system's `zip` program on Linux (they fail without it): install it (apt-get install zip).", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"zip exited with {process.ExitCode}: {await stdout}{await stderr}");
            }
        }
    }

    internal static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(string fileName, string arguments, string workingDirectory, TimeSpan timeout)
    {
        // As the Tools start it: one argument string, parsed by the process start-up like a command line.
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish in {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>What the Tools read from a sample's aws-lambda-tools-defaults.json.</summary>
internal sealed record ToolsDefaults(string Framework, string Configuration, string MSBuildParameters, string FunctionRuntime, string FunctionHandler);

/// <summary>One sample published and zipped as the Tools do, and zipped again by LambdaKit's packaging target.</summary>
internal sealed record ToolsPublish(
    string Sample,
    ToolsDefaults Defaults,
    bool IsNativeAot,
    string ToolsCommand,
    int ExitCode,
    string Log,
    string PublishDirectory,
    string? ToolsZip,
    string TargetZip,
    TimeSpan PublishTime);

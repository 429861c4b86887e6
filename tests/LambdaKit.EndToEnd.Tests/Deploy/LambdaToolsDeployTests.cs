using System.IO.Compression;
using System.Reflection.PortableExecutable;
using LambdaKit.EndToEnd.Tests.TestHelpers;
using Xunit.Abstractions;

namespace LambdaKit.EndToEnd.Tests.Deploy;

/// <summary>
/// Every sample deploys with Amazon.Lambda.Tools as their source runs them: the property look-ups succeed and read the
/// sample's settings, the publish succeeds, and the zip it makes is a package Lambda accepts (bootstrap at the root,
/// executable, no debris, within the size limits). LambdaKit's packaging target writes the same zip.
/// </summary>
[Collection(CpuHeavyTests.Name)]
public sealed class LambdaToolsDeployTests(ITestOutputHelper output)
{
    private static readonly object SizesFileGate = new();

    private const long MaxZipBytes = 50L * 1024 * 1024;
    private const long MaxUnzippedBytes = 250L * 1024 * 1024;

    // S_IFREG | 0755 in the high 16 bits; zip's own entries and LambdaKit's target both write it for bootstrap.
    private const int UnixExecutableBits = 0b001_001_001;

    public static TheoryData<string, bool> Samples => new() { { "HelloWorld", true }, { "Showcase", true }, { "WarmState", false } };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_Tools_property_lookup_with_the_defaults_msbuild_parameters_exits_0_and_reads_the_sample(string sample, bool nativeAot)
    {
        var defaults = LambdaToolsReplay.ReadDefaults(sample);

        // LookupTargetFrameworkFromProjectFile, LookupOutputTypeFromProjectFile, LookPublishAotFlag, HasExplicitSelfContainedFlag.
        var framework = await LambdaToolsReplay.LookupAsync(sample, defaults.MSBuildParameters, "TargetFramework", "TargetFrameworks");
        var outputType = await LambdaToolsReplay.LookupAsync(sample, defaults.MSBuildParameters, "OutputType");
        var publishAot = await LambdaToolsReplay.LookupAsync(sample, defaults.MSBuildParameters, "PublishAot");
        var assemblyName = await LambdaToolsReplay.LookupAsync(sample, defaults.MSBuildParameters, "AssemblyName");

        foreach (var lookup in new[] { framework, outputType, publishAot, assemblyName })
        {
            Assert.True(lookup.ExitCode == 0, $"dotnet msbuild … {defaults.MSBuildParameters} exited with {lookup.ExitCode}: {lookup.Output}");
        }

        Assert.Equal(defaults.Framework, framework.Values["TargetFramework"]);
        Assert.Equal(string.Empty, framework.Values["TargetFrameworks"]);
        Assert.Equal("Exe", outputType.Values["OutputType"]);
        Assert.Equal("bootstrap", assemblyName.Values["AssemblyName"]);
        Assert.Equal(nativeAot, bool.TryParse(publishAot.Values["PublishAot"], out var aot) && aot);
        Assert.Equal(nativeAot, await LambdaToolsReplay.IsNativeAotAsync(sample, defaults.MSBuildParameters));
        Assert.Equal(nativeAot ? "provided.al2023" : "dotnet8", defaults.FunctionRuntime);
        Assert.Equal("bootstrap", defaults.FunctionHandler);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Deploy_function_without_msbuild_parameters_on_its_command_line_still_sees_whether_the_sample_is_native_aot(string sample, bool nativeAot)
    {
        // deploy-function decides "is this AOT?" from the command line's msbuild-parameters only (usually none), so the
        // project itself must say it.
        Assert.Equal(nativeAot, await LambdaToolsReplay.IsNativeAotAsync(sample, msbuildParameters: null));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_Tools_csproj_xml_fallback_reads_the_sample_from_its_own_project_file(string sample, bool nativeAot)
    {
        var defaults = LambdaToolsReplay.ReadDefaults(sample);

        Assert.Equal("Exe", LambdaToolsReplay.ReadFromProjectXml(sample, "OutputType"));
        Assert.Equal("bootstrap", LambdaToolsReplay.ReadFromProjectXml(sample, "AssemblyName"));
        Assert.Equal(defaults.Framework, LambdaToolsReplay.ReadFromProjectXml(sample, "TargetFramework"));
        Assert.Equal(nativeAot ? "true" : null, LambdaToolsReplay.ReadFromProjectXml(sample, "PublishAot"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_Tools_publish_and_zip_make_a_package_Lambda_accepts_and_the_packaging_target_writes_the_same_zip(string sample, bool nativeAot)
    {
        var publish = await LambdaToolsReplay.PublishAsync(sample);
        Assert.True(publish.ExitCode == 0, $"dotnet {publish.ToolsCommand} exited with {publish.ExitCode}:{Environment.NewLine}{publish.Log}");
        Assert.Equal(nativeAot, publish.IsNativeAot);

        var published = Directory.GetFiles(publish.PublishDirectory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(publish.PublishDirectory, f)).ToArray();
        Assert.DoesNotContain(published, IsDebris);
        Assert.DoesNotContain("aws-lambda-tools-defaults.json", published);

        var tools = Inspect(publish.ToolsZip!);
        var target = Inspect(publish.TargetZip);
        var line = $"{sample} ({(nativeAot ? "Native AOT, provided.al2023" : "framework-dependent, dotnet8")}), published in {publish.PublishTime.TotalSeconds:F0} s: " +
                   $"Tools zip {Megabytes(tools.ZipBytes)} ({Megabytes(tools.UnzippedBytes)} unzipped, {tools.Entries.Count} files); " +
                   $"LambdaKitPackage zip {Megabytes(target.ZipBytes)}";
        output.WriteLine(line);

        // dotnet test shows no test output for passing tests: .ci/run prints this file after the test run.
        lock (SizesFileGate)
        {
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "deploy-zip-sizes.txt"), line + Environment.NewLine);
        }

        foreach (var package in new[] { tools, target })
        {
            Assert.True(package.Entries.TryGetValue("bootstrap", out var mode), $"No bootstrap at the root of {package.Path}: {string.Join(", ", package.Entries.Keys)}");
            Assert.True((mode & UnixExecutableBits) == UnixExecutableBits, $"bootstrap in {package.Path} is not executable in the zip entry (mode {Convert.ToString(mode, 8)}).");
            Assert.DoesNotContain(package.Entries.Keys, IsDebris);
            Assert.DoesNotContain("aws-lambda-tools-defaults.json", package.Entries.Keys);
            Assert.True(package.ZipBytes <= MaxZipBytes, $"{package.Path} is {package.ZipBytes} bytes, over Lambda's 50 MB zipped limit.");
            Assert.True(package.UnzippedBytes <= MaxUnzippedBytes, $"{package.Path} is {package.UnzippedBytes} bytes unzipped, over Lambda's 250 MB limit.");
        }

        Assert.Equal(tools.Entries.Keys.Order(StringComparer.Ordinal), target.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(tools.UnzippedBytes, target.UnzippedBytes);
        if (nativeAot)
        {
            // One native executable and nothing else to start it.
            Assert.Equal(["bootstrap"], tools.Entries.Keys);
        }
        else
        {
            // An executable assembly for the managed runtime: the handler `bootstrap` names bootstrap.dll and its config.
            Assert.Contains("bootstrap.dll", tools.Entries.Keys);
            Assert.Contains("bootstrap.runtimeconfig.json", tools.Entries.Keys);
            Assert.Contains("LambdaKit.dll", tools.Entries.Keys);
        }
    }

    [Fact]
    public async Task The_framework_dependent_publish_compiles_LambdaKit_and_Microsoft_Extensions_to_ReadyToRun_code()
    {
        // WarmState deploys framework-dependent: the Tools publish it with --runtime linux-x64 --self-contained false.
        var publish = await LambdaToolsReplay.PublishAsync("WarmState");
        Assert.True(publish.ExitCode == 0, publish.Log);

        foreach (var assembly in new[] { "bootstrap.dll", "LambdaKit.dll", "LambdaKit.Events.dll", "Microsoft.Extensions.DependencyInjection.dll", "Microsoft.Extensions.Logging.dll" })
        {
            using var stream = File.OpenRead(Path.Combine(publish.PublishDirectory, assembly));
            using var pe = new PEReader(stream);
            Assert.True(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{assembly} in the framework-dependent publish has no ReadyToRun code.");
        }
    }

    [Theory]
    [InlineData("", "true")]
    [InlineData("-p:LambdaKitReadyToRun=false", "")]
    [InlineData("-p:PublishReadyToRun=false", "false")]
    [InlineData("-p:SelfContained=true", "")]
    [InlineData("-p:PublishAot=true", "")]
    public async Task ReadyToRun_is_on_for_a_samples_framework_dependent_publish_with_a_runtime_identifier_only(string extra, string expected)
    {
        var publishing = $"-p:TargetFramework=net8.0 -p:_IsPublishing=true -p:RuntimeIdentifier=linux-x64 -p:SelfContained=false {extra}";

        var lookup = await LambdaToolsReplay.LookupAsync("WarmState", publishing, "PublishReadyToRun");
        var withoutRuntime = await LambdaToolsReplay.LookupAsync("WarmState", "-p:TargetFramework=net8.0 -p:_IsPublishing=true", "PublishReadyToRun");

        Assert.True(lookup.ExitCode == 0, lookup.Output);
        Assert.Equal(expected, lookup.Values["PublishReadyToRun"]);
        Assert.Equal(string.Empty, withoutRuntime.Values["PublishReadyToRun"]);
    }

    [Theory]
    [InlineData("-p:PublishAot=false -p:SelfContained=true -p:PublishReadyToRun=true", "true")]
    [InlineData("-p:PublishAot=false -p:SelfContained=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=false", "false")]
    [InlineData("-p:PublishAot=false -p:SelfContained=true -p:PublishReadyToRun=true -p:LambdaKitReadyToRun=false", "false")]
    [InlineData("-p:PublishAot=false -p:SelfContained=true", "false")]
    [InlineData("-p:PublishAot=false -p:SelfContained=false", "false")]
    [InlineData("-p:PublishAot=true -p:SelfContained=true -p:PublishReadyToRun=true", "false")]
    public async Task ReadyToRun_is_composite_for_a_samples_self_contained_ReadyToRun_publish_only(string extra, string expected)
    {
        var lookup = await LambdaToolsReplay.LookupAsync("HelloWorld", $"-p:_IsPublishing=true -p:RuntimeIdentifier=linux-x64 {extra}", "PublishReadyToRunComposite");

        Assert.True(lookup.ExitCode == 0, lookup.Output);
        Assert.Equal(expected, lookup.Values["PublishReadyToRunComposite"]);
    }

    [Theory]
    [InlineData("-p:RuntimeIdentifier=linux-x64 -p:PublishAot=false -p:SelfContained=true -p:PublishReadyToRun=true", "--instruction-set:x86-64-v3")]
    [InlineData("-p:RuntimeIdentifier=linux-x64 -p:PublishAot=false -p:SelfContained=false", "--instruction-set:x86-64-v3")]
    [InlineData("-p:RuntimeIdentifier=linux-x64 -p:PublishAot=false -p:SelfContained=true -p:PublishReadyToRun=true -p:TargetFramework=net8.0", "--instruction-set:x86-x64-v3")]
    [InlineData("-p:RuntimeIdentifier=linux-x64 -p:PublishAot=false -p:SelfContained=true -p:PublishReadyToRun=true -p:LambdaKitReadyToRunInstructionSet=none", "")]
    [InlineData("-p:RuntimeIdentifier=linux-x64 -p:PublishAot=false -p:SelfContained=true -p:PublishReadyToRun=true -p:LambdaKitReadyToRun=false", "")]
    [InlineData("-p:RuntimeIdentifier=linux-x64 -p:PublishAot=false -p:SelfContained=true -p:PublishReadyToRun=true \"-p:PublishReadyToRunCrossgen2ExtraArgs=--instruction-set:x86-64-v2\"", "--instruction-set:x86-64-v2")]
    [InlineData("-p:RuntimeIdentifier=linux-arm64 -p:PublishAot=false -p:SelfContained=true -p:PublishReadyToRun=true", "")]
    [InlineData("-p:RuntimeIdentifier=linux-x64 -p:PublishAot=true", "")]
    public async Task ReadyToRun_code_targets_AVX2_for_a_samples_linux_x64_ReadyToRun_publish_only(string extra, string expected)
    {
        var lookup = await LambdaToolsReplay.LookupAsync("HelloWorld", $"-p:_IsPublishing=true {extra}", "PublishReadyToRunCrossgen2ExtraArgs");

        Assert.True(lookup.ExitCode == 0, lookup.Output);
        Assert.Equal(expected, lookup.Values["PublishReadyToRunCrossgen2ExtraArgs"]);
    }

    [Fact]
    public async Task The_native_aot_HelloWorld_package_is_under_10_MB()
    {
        var publish = await LambdaToolsReplay.PublishAsync("HelloWorld");
        Assert.True(publish.ExitCode == 0, publish.Log);

        var zipBytes = new FileInfo(publish.ToolsZip!).Length;
        output.WriteLine($"HelloWorld Native AOT zip: {Megabytes(zipBytes)}");
        Assert.True(zipBytes < 10L * 1024 * 1024, $"The HelloWorld zip is {Megabytes(zipBytes)}.");
    }

    [Fact]
    public async Task The_packaging_target_fails_the_build_with_a_clear_error_when_the_package_is_over_a_limit()
    {
        // The target alone, run on the folder the Tools-style publish of WarmState wrote, with limits it exceeds.
        var publish = await LambdaToolsReplay.PublishAsync("WarmState");
        Assert.True(publish.ExitCode == 0, publish.Log);
        var zip = Path.Combine(Path.GetDirectoryName(publish.TargetZip)!, "over-the-limit.zip");

        var (exitCode, stdout, stderr) = await LambdaToolsReplay.RunAsync(
            "dotnet",
            $"msbuild \"{LambdaToolsReplay.ProjectFile("WarmState")}\" -nologo -t:LambdaKitPackage -p:LambdaKitPackage=true " +
            $"\"-p:PublishDir={publish.PublishDirectory}/\" \"-p:LambdaKitPackageOutput={zip}\" -p:LambdaKitPackageMaxZipBytes=4096 -p:LambdaKitPackageMaxUnzippedBytes=65536",
            LambdaToolsReplay.ProjectDirectory("WarmState"),
            TimeSpan.FromMinutes(2));

        var log = stdout + stderr;
        Assert.True(exitCode != 0, log);
        Assert.Contains("zipped, over Lambda's limit of 4096 bytes", log, StringComparison.Ordinal);
        Assert.Contains("unzipped, over Lambda's limit of 65536 bytes", log, StringComparison.Ordinal);
    }

    private static bool IsDebris(string path)
        => path.EndsWith(".dbg", StringComparison.OrdinalIgnoreCase)
           || path.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)
           || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:F2} MB";

    private static Package Inspect(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        var entries = archive.Entries.ToDictionary(e => e.FullName, e => (e.ExternalAttributes >> 16) & 0xFFF, StringComparer.Ordinal);
        return new Package(path, entries, new FileInfo(path).Length, archive.Entries.Sum(e => e.Length));
    }

    private sealed record Package(string Path, IReadOnlyDictionary<string, int> Entries, long ZipBytes, long UnzippedBytes);
}

using System.Text.RegularExpressions;
using LambdaKit.TestSupport;

namespace LambdaKit.Templates.Tests.TestHelpers;

/// <summary>A solution created from a template: its files, its build and its tests.</summary>
internal sealed partial class GeneratedSolution(string root, string configuration)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    public string Root { get; } = root;

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public bool Exists(string relativePath) => File.Exists(Path.Combine(Root, relativePath));

    /// <summary>The generated files (not build output) that still contain <paramref name="text"/>.</summary>
    public string[] FilesContaining(string text) => Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Where(f => Path.GetFileName(f).Contains(text, StringComparison.Ordinal) || File.ReadAllText(f).Contains(text, StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Root, f))
        .ToArray();

    /// <summary>Builds the solution with warnings as errors: a template must not hand its users a warning.</summary>
    public Task<string> BuildAsync() => DotnetCli.RunAsync(Root, Patience, "build", "-c", configuration, "-warnaserror");

    /// <summary>Runs the solution's tests (already built) and returns how many passed.</summary>
    public async Task<int> TestAsync()
    {
        var output = await DotnetCli.RunAsync(Root, Patience, "test", "-c", configuration, "--no-build");
        var passed = PassedCount().Match(output);
        Assert.True(passed.Success, output);
        return int.Parse(passed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The built <c>bootstrap.dll</c> of the function project <paramref name="project"/> (net10.0, the JIT build).</summary>
    public string Bootstrap(string project) => Path.Combine(Root, "src", project, "bin", configuration, "net10.0", "bootstrap.dll");

    /// <summary>A boolean of the built function's runtimeconfig.json (<c>configProperties</c>); fails when it is absent.</summary>
    public bool RuntimeSwitch(string project, string name)
    {
        var path = Path.ChangeExtension(Bootstrap(project), ".runtimeconfig.json");
        var properties = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!;
        return (bool)(properties[name] ?? throw new Xunit.Sdk.XunitException($"{path} has no {name}."));
    }

    [GeneratedRegex(@"Passed:\s+(\d+)")]
    private static partial Regex PassedCount();
}

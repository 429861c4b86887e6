using System.Globalization;
using System.Reflection;
using System.Security;
using System.Text.Json;
using LambdaKit.Templates.Tests.TestHelpers;
using LambdaKit.TestSupport;

namespace LambdaKit.Templates.Tests;

/// <summary>
/// Once for the collection: packs LambdaKit.Events, LambdaKit, LambdaKit.Testing and LambdaKit.Templates (as built for this
/// test run) into a temporary feed with a version of their own, installs the template package into a private template hive,
/// and prepares a folder whose nuget.config reads that feed and the machine's configured package sources.
/// </summary>
public sealed class TemplatesFixture : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(4);

    private static readonly string[] PackedProjects =
    [
        "src/LambdaKit.Events/LambdaKit.Events.csproj",
        "src/LambdaKit/LambdaKit.csproj",
        "src/LambdaKit.Testing/LambdaKit.Testing.csproj",
        "src/LambdaKit.Templates/LambdaKit.Templates.csproj",
    ];

    private static readonly string[] PackageIds = ["LambdaKit.Events", "LambdaKit", "LambdaKit.Testing", "LambdaKit.Templates"];

    private readonly Dictionary<string, string?> _metadata = typeof(TemplatesFixture).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);

    private string? _globalPackages;

    /// <summary>The version every package is packed with: unique to this run, so that no cached package of an earlier run is used.</summary>
    public string Version { get; } = "0.0.0-test." + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);

    /// <summary>The configuration this test project (and so the packed projects) was built in.</summary>
    public string Configuration => _metadata["Configuration"]!;

    /// <summary>The run's temporary folder (deleted at the end).</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "lambdakit-templates-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The temporary package feed.</summary>
    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The private template hive (<c>--debug:custom-hive</c>).</summary>
    public string Hive => Path.Combine(Root, "hive");

    /// <summary>Where templates are created: its nuget.config reads <see cref="Feed"/> and the machine's package sources.</summary>
    public string Work => Path.Combine(Root, "work");

    /// <summary>What <c>dotnet new install</c> printed.</summary>
    public string InstallOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Work);
        var repository = _metadata["RepositoryRoot"]!;

        // One pack of the four projects (a solution filter), from the outputs this test project's build made (no rebuild).
        var filter = Path.Combine(Root, "packages.slnf");
        await File.WriteAllTextAsync(filter, JsonSerializer.Serialize(new { solution = new { path = Path.Combine(repository, "LambdaKit.sln"), projects = PackedProjects } }));
        await DotnetCli.RunAsync(repository, Step, "pack", filter, "-c", Configuration, "--no-build", "-o", Feed, "-p:Version=" + Version);

        InstallOutput = await DotnetCli.RunAsync(Root, Step, "new", "install", PackagePath("LambdaKit.Templates"), "--debug:custom-hive", Hive);

        // The generated projects see neither the repository's build files nor any above the temporary folder.
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");

        // The feed first, then the package sources this machine is configured with (no source is named here).
        var sources = await DotnetCli.RunAsync(Root, Step, "nuget", "list", "source", "--format", "short");
        var configured = sources.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToArray();
        var adds = string.Concat(configured.Select((source, i) => $"""    <add key="configured-{i}" value="{SecurityElement.Escape(source)}" />{"\n"}"""));
        await File.WriteAllTextAsync(Path.Combine(Work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="lambdakit-test-feed" value="{SecurityElement.Escape(Feed)}" />
            {adds}  </packageSources>
            </configuration>

            """);

        var locals = await DotnetCli.RunAsync(Root, Step, "nuget", "locals", "global-packages", "--list");
        _globalPackages = locals.Split(':', 2) is [_, var path] ? path.Trim() : null;
    }

    /// <summary>The package of <paramref name="id"/> in the feed.</summary>
    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    /// <summary>Runs <c>dotnet new</c> with the private hive, in <see cref="Work"/>, without looking online for template updates.</summary>
    public Task<string> NewAsync(params string[] arguments)
        => DotnetCli.RunAsync(Work, Step, ["new", .. arguments, "--no-update-check", "--debug:custom-hive", Hive]);

    public Task DisposeAsync()
    {
        // This run's packages, extracted into the global packages folder on restore, are of no use to anyone after it.
        if (_globalPackages is { Length: > 0 } && Directory.Exists(_globalPackages))
        {
            foreach (var id in PackageIds)
            {
                var folder = Path.Combine(_globalPackages, id.ToLowerInvariant());
                TryDelete(Path.Combine(folder, Version));
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    TryDelete(folder);
                }
            }
        }

        TryDelete(Root);
        return Task.CompletedTask;
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
            // Left for the OS to clean up; a test result does not depend on it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

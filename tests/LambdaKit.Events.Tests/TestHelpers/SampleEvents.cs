using System.Reflection;

namespace LambdaKit.Events.Tests.TestHelpers;

/// <summary>The shared sample events folder (set in tests/Directory.Build.props as assembly metadata).</summary>
public static class SampleEvents
{
    private static readonly Lazy<string> DirectoryPath = new(() =>
    {
        var value = typeof(SampleEvents).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "SharedEventsDirectory")?.Value;
        if (string.IsNullOrEmpty(value) || !System.IO.Directory.Exists(value))
        {
            throw new InvalidOperationException($"The SharedEventsDirectory assembly metadata ('{value}') does not name an existing folder.");
        }

        return value;
    });

    /// <summary>Gets the full path of the folder.</summary>
    public static string Directory => DirectoryPath.Value;

    /// <summary>Gets the names (not paths) of every <c>*.json</c> file in the folder, sorted.</summary>
    public static IReadOnlyList<string> AllFileNames() =>
        System.IO.Directory.GetFiles(Directory, "*.json")
            .Select(Path.GetFileName)
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads a sample file's bytes.</summary>
    public static byte[] ReadBytes(string fileName) => File.ReadAllBytes(Path.Combine(Directory, fileName));
}

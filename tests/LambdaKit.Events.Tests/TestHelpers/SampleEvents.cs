namespace LambdaKit.Events.Tests.TestHelpers;

/// <summary>
/// The project's own test events (tests/events in the repository), copied to the test output as <c>events/</c>.
/// A file is named by its path under that folder with '/' separators, for example <c>sqs/standard.json</c>.
/// </summary>
public static class SampleEvents
{
    /// <summary>Gets the full path of the folder.</summary>
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "events");

    /// <summary>Gets the paths (relative to <see cref="Directory"/>, '/' separators) of every <c>*.json</c> file, sorted.</summary>
    public static IReadOnlyList<string> AllFileNames() =>
        System.IO.Directory.GetFiles(Directory, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads an event file's bytes.</summary>
    public static byte[] ReadBytes(string fileName) => File.ReadAllBytes(Path.Combine(Directory, fileName));
}

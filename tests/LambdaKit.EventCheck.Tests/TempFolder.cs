namespace LambdaKit.EventCheck.Tests;

/// <summary>A folder of event files written by a test, deleted at the end.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lambdakit-eventcheck-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file at a path relative to the folder ('/' separators), creating sub-folders.</summary>
    public TempFolder Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    /// <summary>Copies one of the repository's test events (tests/events, copied to the output as events/) into the folder.</summary>
    public TempFolder CopyEvent(string eventPath, string? asPath = null)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "events", eventPath);
        return Write(asPath ?? eventPath, File.ReadAllText(source));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}

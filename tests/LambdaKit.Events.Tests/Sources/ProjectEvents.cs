namespace LambdaKit.Events.Tests.Sources;

/// <summary>The project's own test events (tests/events, copied to the output as events/).</summary>
internal static class ProjectEvents
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "events", relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(PathOf(relative));
}

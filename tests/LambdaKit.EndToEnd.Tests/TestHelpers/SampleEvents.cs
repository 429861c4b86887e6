using System.Text.Json.Nodes;

namespace LambdaKit.EndToEnd.Tests.TestHelpers;

/// <summary>
/// The project's own test events (tests/events, copied to the test output as <c>events/</c>), loaded as editable JSON.
/// A file is named by its path under that folder, for example <c>sqs/standard.json</c>.
/// </summary>
internal static class SampleEvents
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "events");

    public static string Text(string file) => File.ReadAllText(Path.Combine(Directory, file));

    public static JsonObject Load(string file) => JsonNode.Parse(Text(file))!.AsObject();

    /// <summary>An HTTP event of the given shape, rewritten to a method, a path and an optional body.</summary>
    public static string Http(string file, string method, string path, string? body = null)
    {
        var e = Load(file);
        if (e.ContainsKey("rawPath"))
        {
            e["rawPath"] = path;
            e["rawQueryString"] = string.Empty;
            e["routeKey"] = "$default";
            e["requestContext"]!["http"]!["method"] = method;
            e["requestContext"]!["http"]!["path"] = path;
            e["requestContext"]!["stage"] = "$default";
        }
        else
        {
            e["httpMethod"] = method;
            e["path"] = path;
        }

        e["body"] = body;
        e["isBase64Encoded"] = false;
        return e.ToJsonString();
    }
}

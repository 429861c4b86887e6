using System.Reflection;
using System.Text.Json.Nodes;

namespace LambdaKit.EndToEnd.Tests.TestHelpers;

/// <summary>The real AWS sample events of ../shared/events, loaded as editable JSON.</summary>
internal static class SampleEvents
{
    public static string Directory { get; } = typeof(SampleEvents).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SharedEventsDirectory").Value!;

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

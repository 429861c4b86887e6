using System.Text.Json;
using LambdaKit.Serialization;

namespace LambdaKit.Context;

/// <summary>The parsed <c>Lambda-Runtime-Client-Context</c> header.</summary>
internal sealed class ClientContext : IClientContext
{
    public IDictionary<string, string> Environment { get; private init; } = new Dictionary<string, string>();

    public IClientApplication? Client { get; private init; }

    public IDictionary<string, string> Custom { get; private init; } = new Dictionary<string, string>();

    /// <summary>Parses the header; <see langword="null"/> when absent or not a JSON object.</summary>
    public static ClientContext? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            ClientApplication? client = null;
            if (root.TryGetProperty("client", out var c) && c.ValueKind == JsonValueKind.Object)
            {
                client = new ClientApplication(
                    JsonElementReaders.GetString(c, "app_package_name"),
                    JsonElementReaders.GetString(c, "app_title"),
                    JsonElementReaders.GetString(c, "app_version_code"),
                    JsonElementReaders.GetString(c, "app_version_name"),
                    JsonElementReaders.GetString(c, "installation_id"));
            }

            return new ClientContext
            {
                Client = client,
                Environment = JsonElementReaders.GetStringMap(root, "env"),
                Custom = JsonElementReaders.GetStringMap(root, "custom"),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record ClientApplication(
        string? AppPackageName,
        string? AppTitle,
        string? AppVersionCode,
        string? AppVersionName,
        string? InstallationId) : IClientApplication;
}

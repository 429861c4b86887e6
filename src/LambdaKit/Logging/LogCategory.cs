using System.Text.Encodings.Web;
using System.Text.Json;

namespace LambdaKit.Logging;

/// <summary>A logger category with its JSON-encoded name, encoded once per logger rather than once per line.</summary>
internal sealed class LogCategory(string name)
{
    public string Name { get; } = name;

    public JsonEncodedText Encoded { get; } = JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
}

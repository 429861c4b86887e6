using System.Buffers;
using System.Text;
using System.Text.Json;
using LambdaKit.Serialization;

namespace LambdaKit.Routing.Http;

/// <summary>The body of an <see cref="HttpResult"/>, written once into a pooled buffer.</summary>
internal abstract class HttpBody
{
    public virtual bool IsBinary => false;

    public abstract void Write(IBufferWriter<byte> output, JsonMetadata json);
}

/// <summary>A text body, UTF-8.</summary>
internal sealed class TextBody(string text) : HttpBody
{
    public override void Write(IBufferWriter<byte> output, JsonMetadata json) => Encoding.UTF8.GetBytes(text, output);
}

/// <summary>A binary body, sent base64-encoded.</summary>
internal sealed class BinaryBody(ReadOnlyMemory<byte> bytes) : HttpBody
{
    public override bool IsBinary => true;

    public override void Write(IBufferWriter<byte> output, JsonMetadata json) => output.Write(bytes.Span);
}

/// <summary>A JSON body written through source-generated metadata.</summary>
internal sealed class JsonBody<T>(T value) : HttpBody
{
    public override void Write(IBufferWriter<byte> output, JsonMetadata json) => LambdaJson.Serialize(output, value, json.GetTypeInfo<T>());
}

/// <summary>An RFC 9457 problem body.</summary>
internal sealed class ProblemBody(int status, string title, string? detail) : HttpBody
{
    public override void Write(IBufferWriter<byte> output, JsonMetadata json)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("type", "https://tools.ietf.org/html/rfc9110#section-15." + (status >= 500 ? "6." : "5.") + (status % 100 + 1));
        writer.WriteString("title", title);
        writer.WriteNumber("status", status);
        if (detail is not null)
        {
            writer.WriteString("detail", detail);
        }

        writer.WriteEndObject();
    }
}

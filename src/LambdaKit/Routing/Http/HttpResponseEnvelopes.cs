using System.Globalization;
using System.Text.Json;
using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Serialization;

namespace LambdaKit.Routing.Http;

/// <summary>
/// Writes an <see cref="HttpResult"/> as the response envelope of the source that asked: <c>cookies</c> for HTTP API v2,
/// <c>Set-Cookie</c> in <c>multiValueHeaders</c> for REST v1 and ALB, <c>statusDescription</c> with its reason phrase for
/// ALB; the body as text or base64.
/// </summary>
internal static class HttpResponseEnvelopes
{
    [ThreadStatic]
    private static PooledBufferWriter? t_body;

    [ThreadStatic]
    private static Utf8JsonWriter? t_envelope;

    /// <summary>Writes the envelope into the invocation's output.</summary>
    public static void Write(InvocationContext context, EventSourceKind source, HttpResult result, bool multiValue, JsonMetadata json)
    {
        var body = t_body ??= new PooledBufferWriter(4096);
        var writer = t_envelope;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(context.Output);
            t_envelope = writer;
        }
        else
        {
            writer.Reset(context.Output);
        }

        try
        {
            result.Body?.Write(body, json);
            var v2 = source == EventSourceKind.ApiGatewayHttpV2;
            var alb = source == EventSourceKind.ApplicationLoadBalancer;
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", result.StatusCode);
            if (alb)
            {
                writer.WriteString("statusDescription", string.Concat(result.StatusCode.ToString(CultureInfo.InvariantCulture), " ", ReasonPhrase(result.StatusCode)));
            }

            if (multiValue)
            {
                writer.WriteStartObject("multiValueHeaders");
                foreach (var (name, value) in result.Headers)
                {
                    writer.WriteStartArray(name);
                    writer.WriteStringValue(value);
                    writer.WriteEndArray();
                }

                WriteSetCookies(writer, result);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStartObject("headers");
                foreach (var (name, value) in result.Headers)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
                if (v2)
                {
                    if (result.Cookies.Count > 0)
                    {
                        writer.WriteStartArray("cookies");
                        foreach (var cookie in result.Cookies)
                        {
                            writer.WriteStringValue(cookie);
                        }

                        writer.WriteEndArray();
                    }
                }
                else if (result.Cookies.Count > 0)
                {
                    writer.WriteStartObject("multiValueHeaders");
                    WriteSetCookies(writer, result);
                    writer.WriteEndObject();
                }
            }

            if (result.IsBinary)
            {
                writer.WriteBase64String("body", body.WrittenSpan);
            }
            else
            {
                writer.WriteString("body", body.WrittenSpan);
            }

            writer.WriteBoolean("isBase64Encoded", result.IsBinary);
            writer.WriteEndObject();
            writer.Flush();
        }
        finally
        {
            body.Reset();
            writer.Reset(Stream.Null);
        }
    }

    private static void WriteSetCookies(Utf8JsonWriter writer, HttpResult result)
    {
        if (result.Cookies.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("Set-Cookie");
        foreach (var cookie in result.Cookies)
        {
            writer.WriteStringValue(cookie);
        }

        writer.WriteEndArray();
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => string.Empty,
    };
}

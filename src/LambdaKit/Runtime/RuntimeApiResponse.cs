using System.Buffers;
using System.Net;
using System.Text;

namespace LambdaKit.Runtime;

/// <summary>A response of the Runtime API as read by <see cref="RuntimeApiConnection"/>.</summary>
internal sealed class RuntimeApiResponse
{
    public HttpStatusCode StatusCode { get; set; }

    public long ContentLength { get; set; }

    public bool Chunked { get; set; }

    public bool Close { get; set; }

    public PooledBody Body { get; set; }

    /// <summary>The body was over the cap and was not read (the connection is closed).</summary>
    public bool BodyTooLarge { get; set; }

    public string? RequestId { get; private set; }

    public string? Deadline { get; private set; }

    public string? FunctionArn { get; private set; }

    public string? TraceId { get; private set; }

    public string? ClientContext { get; private set; }

    public string? CognitoIdentity { get; private set; }

    public string? TenantId { get; private set; }

    /// <summary>Keeps one <c>Lambda-Runtime-*</c> header; <paramref name="name"/> starts with that prefix.</summary>
    public void SetInvocationHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var suffix = name["Lambda-Runtime-".Length..];
        if (Ascii.EqualsIgnoreCase(suffix, "Aws-Request-Id"u8))
        {
            RequestId = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Deadline-Ms"u8))
        {
            Deadline = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Invoked-Function-Arn"u8))
        {
            FunctionArn = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Trace-Id"u8))
        {
            TraceId = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Client-Context"u8))
        {
            ClientContext = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Cognito-Identity"u8))
        {
            CognitoIdentity = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Aws-Tenant-Id"u8))
        {
            TenantId = Encoding.UTF8.GetString(value);
        }
    }

    /// <summary>The header lookup used by <see cref="RuntimeApiClient.ParseHeaders"/>.</summary>
    public string? GetHeader(string name) => name switch
    {
        InvocationHeaders.RequestIdHeader => RequestId,
        InvocationHeaders.DeadlineHeader => Deadline,
        InvocationHeaders.FunctionArnHeader => FunctionArn,
        InvocationHeaders.TraceIdHeader => TraceId,
        InvocationHeaders.ClientContextHeader => ClientContext,
        InvocationHeaders.CognitoIdentityHeader => CognitoIdentity,
        InvocationHeaders.TenantIdHeader => TenantId,
        _ => null,
    };

    public string BodyText() => Body.Buffer is null ? string.Empty : Encoding.UTF8.GetString(Body.Buffer, 0, Body.Length);
}

/// <summary>A body in a buffer rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal readonly record struct PooledBody(byte[]? Buffer, int Length)
{
    public void Return()
    {
        if (Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}

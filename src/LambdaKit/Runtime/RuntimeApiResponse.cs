using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Text;

namespace LambdaKit.Runtime;

/// <summary>
/// A response of the Runtime API as read by <see cref="RuntimeApiConnection"/>; each connection reuses one, so it is
/// valid until its connection reads the next response.
/// </summary>
internal sealed class RuntimeApiResponse
{
    // The function's ARN is the same for every invocation (or one of few aliases): kept to avoid a string per invocation.
    private string? _lastFunctionArn;

    public HttpStatusCode StatusCode { get; set; }

    public long ContentLength { get; set; }

    public bool Chunked { get; set; }

    public bool Close { get; set; }

    public PooledBody Body { get; set; }

    /// <summary>The body was over the cap and was not read (the connection is closed).</summary>
    public bool BodyTooLarge { get; set; }

    public string? RequestId { get; private set; }

    /// <summary>The deadline's text, only when it is not a Unix time in milliseconds (the error message shows it).</summary>
    public string? Deadline { get; private set; }

    /// <summary>The deadline, when the header was a valid Unix time in milliseconds (no string made for it).</summary>
    public long? DeadlineMs { get; private set; }

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
            if (!value.IsEmpty && char.IsAsciiDigit((char)value[0]) && Utf8Parser.TryParse(value, out long deadlineMs, out var consumed) && consumed == value.Length)
            {
                DeadlineMs = deadlineMs;
                Deadline = null;
            }
            else
            {
                DeadlineMs = null;
                Deadline = Encoding.UTF8.GetString(value);
            }
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Invoked-Function-Arn"u8))
        {
            if (_lastFunctionArn is null || !Ascii.Equals(value, _lastFunctionArn))
            {
                _lastFunctionArn = Encoding.UTF8.GetString(value);
            }

            FunctionArn = _lastFunctionArn;
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

    /// <summary>Clears what the previous response of the connection left.</summary>
    public void Reset()
    {
        StatusCode = default;
        ContentLength = 0;
        Chunked = false;
        Close = false;
        Body = default;
        BodyTooLarge = false;
        RequestId = null;
        Deadline = null;
        DeadlineMs = null;
        FunctionArn = null;
        TraceId = null;
        ClientContext = null;
        CognitoIdentity = null;
        TenantId = null;
    }

    /// <summary>The header lookup used by <see cref="RuntimeApiClient.ParseHeaders(Func{string, string})"/>.</summary>
    public string? GetHeader(string name) => name switch
    {
        InvocationHeaders.RequestIdHeader => RequestId,
        InvocationHeaders.DeadlineHeader => Deadline ?? DeadlineMs?.ToString(CultureInfo.InvariantCulture),
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

using System.Globalization;
using System.Text;

namespace LambdaKit.Runtime;

/// <summary>
/// The one place that knows the <c>Lambda-Runtime-*</c> invocation headers: their names, how a received header name maps
/// to a <see cref="RuntimeHeader"/>, and how the received values become <see cref="InvocationHeaders"/>.
/// </summary>
internal static class RuntimeHeaders
{
    /// <summary>How many headers <see cref="RuntimeHeader"/> names.</summary>
    public const int Count = 7;

    /// <summary>What every invocation header's name starts with, in ASCII.</summary>
    public static ReadOnlySpan<byte> Utf8Prefix => "Lambda-Runtime-"u8;

    // Indexed by RuntimeHeader.
    private static readonly string[] Names =
    [
        "Lambda-Runtime-Aws-Request-Id",
        "Lambda-Runtime-Deadline-Ms",
        "Lambda-Runtime-Invoked-Function-Arn",
        "Lambda-Runtime-Trace-Id",
        "Lambda-Runtime-Client-Context",
        "Lambda-Runtime-Cognito-Identity",
        "Lambda-Runtime-Aws-Tenant-Id",
    ];

    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, Encoding.ASCII.GetBytes);

    /// <summary>The header's name as sent by the Runtime API.</summary>
    public static string Name(RuntimeHeader header) => Names[(int)header];

    /// <summary>Which header <paramref name="name"/> is (compared ignoring ASCII case); false for any other header.</summary>
    public static bool TryFind(ReadOnlySpan<byte> name, out RuntimeHeader header)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(name, Utf8Names[i]))
            {
                header = (RuntimeHeader)i;
                return true;
            }
        }

        header = default;
        return false;
    }

    /// <summary>
    /// The invocation's headers from the received values (<paramref name="value"/> answers null for an absent header).
    /// </summary>
    /// <exception cref="InvalidInvocationException">The request id is missing, or the deadline is missing or not a Unix time in milliseconds.</exception>
    public static InvocationHeaders Parse(Func<RuntimeHeader, string?> value)
    {
        var requestId = value(RuntimeHeader.RequestId);
        if (string.IsNullOrEmpty(requestId))
        {
            throw new InvalidInvocationException(
                null, InvalidInvocationException.InvalidHeaderType, $"The invocation has no {Name(RuntimeHeader.RequestId)} header: it cannot be answered.");
        }

        var deadlineText = value(RuntimeHeader.Deadline);
        if (!long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs)
            || deadlineMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            var shown = deadlineText is null ? "it is missing" : $"'{Shorten(deadlineText)}' is not a Unix time in milliseconds";
            throw new InvalidInvocationException(
                requestId, InvalidInvocationException.InvalidHeaderType, $"The invocation has no valid {Name(RuntimeHeader.Deadline)} header: {shown}.");
        }

        return new InvocationHeaders(requestId, deadlineMs)
        {
            InvokedFunctionArn = value(RuntimeHeader.FunctionArn),
            TraceId = value(RuntimeHeader.TraceId),
            ClientContextJson = value(RuntimeHeader.ClientContext),
            CognitoIdentityJson = value(RuntimeHeader.CognitoIdentity),
            TenantId = value(RuntimeHeader.TenantId),
        };
    }

    private static string Shorten(string value)
    {
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        return string.Create(shown.Length, shown, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }
}

using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

// The floor: the least a .NET custom runtime can do. One blocking socket to the Runtime API; GET next, POST the event's
// bytes back as the response, read the 202, repeat. No DI, no JSON, no logging, no allocation per invocation (the
// event stays in the receive buffer). It speaks only what the benchmarks' Runtime API sends: Content-Length bodies.
var api = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrEmpty(api))
{
    Console.Error.WriteLine("floor: AWS_LAMBDA_RUNTIME_API is not set.");
    return 2;
}

var colon = api.LastIndexOf(':');
var address = IPAddress.TryParse(api.AsSpan(0, colon).Trim("[]"), out var ip) ? ip : Dns.GetHostAddresses(api[..colon])[0];
using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
socket.Connect(new IPEndPoint(address, int.Parse(api.AsSpan(colon + 1), provider: null)));

var next = Encoding.ASCII.GetBytes($"GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: {api}\r\n\r\n");
var postStart = Encoding.ASCII.GetBytes("POST /2018-06-01/runtime/invocation/");
var postMiddle = Encoding.ASCII.GetBytes($"/response HTTP/1.1\r\nHost: {api}\r\nContent-Type: application/json\r\nContent-Length: ");
var connection = new Connection(socket);
var head = new byte[1024];
while (true)
{
    SendAll(socket, next);
    if (!connection.ReadMessage(out var eventBody, out var requestIdStart, out var requestIdLength))
    {
        return 0;
    }

    // POST /2018-06-01/runtime/invocation/{id}/response with the event's bytes as the body.
    var length = 0;
    postStart.CopyTo(head.AsSpan(length));
    length += postStart.Length;
    connection.Buffer.AsSpan(requestIdStart, requestIdLength).CopyTo(head.AsSpan(length));
    length += requestIdLength;
    postMiddle.CopyTo(head.AsSpan(length));
    length += postMiddle.Length;
    Utf8Formatter.TryFormat(eventBody.Length, head.AsSpan(length), out var written);
    length += written;
    "\r\n\r\n"u8.CopyTo(head.AsSpan(length));
    length += 4;
    SendAll(socket, head.AsSpan(0, length));
    SendAll(socket, connection.Buffer.AsSpan(eventBody.Start, eventBody.Length));
    connection.Consume();
    if (!connection.ReadMessage(out _, out _, out _))
    {
        return 0;
    }

    connection.Consume();
}

static void SendAll(Socket socket, ReadOnlySpan<byte> data)
{
    while (!data.IsEmpty)
    {
        data = data[socket.Send(data)..];
    }
}

/// <summary>One keep-alive connection's receive buffer: reads one HTTP response (head and Content-Length body) at a time.</summary>
internal sealed class Connection(Socket socket)
{
    private int _filled;
    private int _consumed;

    public byte[] Buffer { get; private set; } = new byte[64 * 1024];

    /// <summary>Reads a whole response; false when the server closed the connection.</summary>
    public bool ReadMessage(out (int Start, int Length) body, out int requestIdStart, out int requestIdLength)
    {
        body = default;
        requestIdStart = 0;
        requestIdLength = 0;
        int headEnd;
        while ((headEnd = Buffer.AsSpan(0, _filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (!Receive())
            {
                return false;
            }
        }

        var contentLength = 0;
        var lineStart = Buffer.AsSpan(0, headEnd).IndexOf("\r\n"u8) + 2;
        while (lineStart < headEnd)
        {
            var line = Buffer.AsSpan(lineStart, headEnd - lineStart);
            var lineEnd = line.IndexOf("\r\n"u8);
            if (lineEnd >= 0)
            {
                line = line[..lineEnd];
            }

            var colon = line.IndexOf((byte)':');
            if (colon > 0)
            {
                var name = line[..colon];
                var valueOffset = colon + 1;
                while (valueOffset < line.Length && line[valueOffset] == (byte)' ')
                {
                    valueOffset++;
                }

                if (System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
                {
                    if (!Utf8Parser.TryParse(line[valueOffset..], out contentLength, out _))
                    {
                        throw new InvalidDataException("floor: malformed Content-Length.");
                    }
                }
                else if (System.Text.Ascii.EqualsIgnoreCase(name, "Lambda-Runtime-Aws-Request-Id"u8))
                {
                    requestIdStart = lineStart + valueOffset;
                    requestIdLength = line.Length - valueOffset;
                }
            }

            lineStart += line.Length + 2;
        }

        var total = headEnd + 4 + contentLength;
        if (total > Buffer.Length)
        {
            var larger = new byte[Math.Max(total, Buffer.Length * 2)];
            Buffer.AsSpan(0, _filled).CopyTo(larger);
            Buffer = larger;
        }

        while (_filled < total)
        {
            if (!Receive())
            {
                return false;
            }
        }

        body = (headEnd + 4, contentLength);
        _consumed = total;
        return true;
    }

    /// <summary>Drops the message read last, keeping any bytes that came after it.</summary>
    public void Consume()
    {
        Buffer.AsSpan(_consumed, _filled - _consumed).CopyTo(Buffer);
        _filled -= _consumed;
        _consumed = 0;
    }

    private bool Receive()
    {
        if (_filled == Buffer.Length)
        {
            var larger = new byte[Buffer.Length * 2];
            Buffer.AsSpan(0, _filled).CopyTo(larger);
            Buffer = larger;
        }

        var read = socket.Receive(Buffer.AsSpan(_filled));
        _filled += read;
        return read > 0;
    }
}

using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LambdaKit.Benchmarks.Harness;

/// <summary>
/// A Runtime API that allocates nothing per request, for in-process benchmarks of the transport under
/// <c>MemoryDiagnoser</c> (which counts every thread's allocations): one connection at a time, every <c>GET next</c>
/// answered with the same pre-rendered event (same request id), every POST with a pre-rendered 202.
/// </summary>
internal sealed class EchoRuntimeApi : IDisposable
{
    private readonly Socket _listener;
    private readonly byte[] _next;
    private readonly byte[] _accepted = Encoding.ASCII.GetBytes("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}");
    private Socket? _connection;

    public EchoRuntimeApi(string requestId, byte[] payload)
    {
        var head = Encoding.ASCII.GetBytes(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" +
            $"Lambda-Runtime-Aws-Request-Id: {requestId}\r\n" +
            $"Lambda-Runtime-Deadline-Ms: {DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds()}\r\n" +
            "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:bench\r\n" +
            "Lambda-Runtime-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0\r\n" +
            $"Date: {DateTimeOffset.UtcNow:r}\r\n" +
            $"Content-Length: {payload.Length}\r\n\r\n");
        _next = [.. head, .. payload];
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(4);
        Address = _listener.LocalEndPoint!.ToString()!;
        new Thread(Serve) { IsBackground = true, Name = "echo runtime api" }.Start();
    }

    public string Address { get; }

    public void Dispose()
    {
        _listener.Dispose();
        _connection?.Dispose();
    }

    private void Serve()
    {
        var buffer = new byte[1024 * 1024];
        try
        {
            while (true)
            {
                var connection = _listener.Accept();
                connection.NoDelay = true;
                _connection = connection;
                var filled = 0;
                try
                {
                    while (true)
                    {
                        int headEnd;
                        while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                        {
                            var read = connection.Receive(buffer.AsSpan(filled));
                            if (read == 0)
                            {
                                throw new IOException("closed");
                            }

                            filled += read;
                        }

                        var head = buffer.AsSpan(0, headEnd);
                        var contentLength = 0;
                        var at = head.IndexOf("Content-Length: "u8);
                        if (at >= 0)
                        {
                            _ = Utf8Parser.TryParse(head[(at + 16)..], out contentLength, out _);
                        }

                        var total = headEnd + 4 + contentLength;
                        while (filled < total)
                        {
                            var read = connection.Receive(buffer.AsSpan(filled));
                            if (read == 0)
                            {
                                throw new IOException("closed");
                            }

                            filled += read;
                        }

                        var isGet = buffer[0] == (byte)'G';
                        buffer.AsSpan(total, filled - total).CopyTo(buffer);
                        filled -= total;
                        Send(connection, isGet ? _next : _accepted);
                    }
                }
                catch (Exception exception) when (exception is SocketException or IOException)
                {
                    connection.Dispose();
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private static void Send(Socket connection, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            data = data[connection.Send(data)..];
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LambdaKit.Benchmarks.Harness;

/// <summary>
/// A minimal Runtime API on 127.0.0.1 for the process benchmarks: blocking sockets, one thread per connection, the headers
/// Lambda sends (request id, deadline, ARN, trace id, Content-Length bodies) and timestamps of what it saw
/// (<see cref="Stopwatch.GetTimestamp"/>). Lighter than the Kestrel-based <c>LocalRuntimeApi</c>, so the harness's own
/// CPU use disturbs the measured process less on a 2-core machine; a new one per cold-start iteration, so that a killed
/// process's pending <c>next</c> never takes the following iteration's event.
/// </summary>
internal sealed class BenchRuntimeApi : IDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private static readonly byte[] Accepted = Encoding.ASCII.GetBytes("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}");
    private readonly Socket _listener;
    private readonly BlockingCollection<Pending> _queue = [];
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Socket> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private int _sequence;
    private long _firstNextAt;

    public BenchRuntimeApi()
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        Address = _listener.LocalEndPoint!.ToString()!;
        new Thread(AcceptLoop) { IsBackground = true, Name = "bench runtime api" }.Start();
    }

    /// <summary>host:port, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; }

    /// <summary>When the first <c>GET next</c> arrived (0: none yet).</summary>
    public long FirstNextAt => Volatile.Read(ref _firstNextAt);

    /// <summary>The body of <c>/init/error</c>, if the function reported one.</summary>
    public string? InitError { get; private set; }

    /// <summary>Queues an event; the function takes it with its next <c>GET next</c>.</summary>
    public Pending Enqueue(byte[] payload)
    {
        var id = Interlocked.Increment(ref _sequence);
        var pending = new Pending(payload, string.Create(CultureInfo.InvariantCulture, $"{id:x8}-1111-4222-8333-{Environment.ProcessId:x12}"));
        _inFlight[pending.RequestId] = pending;
        _queue.Add(pending);
        return pending;
    }

    /// <summary>Queues an event and waits for its answer.</summary>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>.</exception>
    public Pending Invoke(byte[] payload, TimeSpan timeout)
    {
        var pending = Enqueue(payload);
        if (!pending.Done.Wait(timeout))
        {
            throw new TimeoutException($"The function did not answer within {timeout}{(InitError is null ? string.Empty : $" (init error: {InitError})")}.");
        }

        return pending;
    }

    /// <summary>
    /// Queues <paramref name="count"/> events at once and waits for the last answer: the function takes them one by one
    /// (its loop is sequential), and the server answers each <c>next</c> at once, with no hand-off to the harness's thread
    /// between invocations. Returns how many were answered with an error.
    /// </summary>
    /// <exception cref="TimeoutException">Not all answered within <paramref name="timeout"/>.</exception>
    public int InvokeMany(byte[] payload, int count, TimeSpan timeout)
    {
        var all = new Pending[count];
        for (var i = 0; i < count; i++)
        {
            all[i] = Enqueue(payload);
        }

        if (!all[^1].Done.Wait(timeout))
        {
            throw new TimeoutException($"The function did not answer {count} events within {timeout}.");
        }

        return all.Count(p => p.IsError);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        while (_connections.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private void AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }

            connection.NoDelay = true;
            _connections.Add(connection);
            new Thread(() => Serve(connection)) { IsBackground = true, Name = "bench runtime api connection" }.Start();
        }
    }

    private void Serve(Socket connection)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (true)
            {
                int headEnd;
                while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    filled += Receive(connection, ref buffer, filled);
                }

                var received = Stopwatch.GetTimestamp();
                var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                var contentLength = 0;
                foreach (var line in head.Split("\r\n"))
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        contentLength = int.Parse(line.AsSpan(15).Trim(), CultureInfo.InvariantCulture);
                    }
                }

                var total = headEnd + 4 + contentLength;
                while (filled < total)
                {
                    filled += Receive(connection, ref buffer, filled);
                }

                var body = buffer.AsSpan(headEnd + 4, contentLength).ToArray();
                buffer.AsSpan(total, filled - total).CopyTo(buffer);
                filled -= total;
                var requestLine = head[..head.IndexOf(' ', head.IndexOf(' ') + 1)];
                Handle(connection, requestLine, head, body, received);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            connection.Dispose();
        }
    }

    private void Handle(Socket connection, string requestLine, string head, byte[] body, long received)
    {
        if (requestLine == "GET " + Prefix + "invocation/next")
        {
            Interlocked.CompareExchange(ref _firstNextAt, received, 0);
            var pending = _queue.Take(_stop.Token);
            pending.NextAt = received;
            var deadline = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds();
            var answer = Encoding.ASCII.GetBytes(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" +
                $"Lambda-Runtime-Aws-Request-Id: {pending.RequestId}\r\n" +
                $"Lambda-Runtime-Deadline-Ms: {deadline.ToString(CultureInfo.InvariantCulture)}\r\n" +
                "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:bench\r\n" +
                $"Lambda-Runtime-Trace-Id: Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0\r\n" +
                $"Date: {DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture)}\r\n" +
                $"Content-Length: {pending.Payload.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
            pending.SentAt = Stopwatch.GetTimestamp();
            SendAll(connection, answer);
            SendAll(connection, pending.Payload);
        }
        else if (requestLine.StartsWith("POST " + Prefix + "invocation/", StringComparison.Ordinal))
        {
            var rest = requestLine[("POST " + Prefix + "invocation/").Length..];
            var slash = rest.IndexOf('/');
            if (_inFlight.TryRemove(rest[..slash], out var pending))
            {
                pending.AnsweredAt = received;
                pending.Response = body;
                pending.IsError = rest[(slash + 1)..] == "error";
                pending.ErrorType = pending.IsError ? HeaderValue(head, "Lambda-Runtime-Function-Error-Type") : null;
                SendAll(connection, Accepted);
                pending.Done.Set();
            }
            else
            {
                SendAll(connection, Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
            }
        }
        else if (requestLine == "POST " + Prefix + "init/error")
        {
            InitError = Encoding.UTF8.GetString(body);
            SendAll(connection, Accepted);
        }
        else if (requestLine == "POST /2020-01-01/extension/register")
        {
            var json = "{\"functionName\":\"bench\",\"functionVersion\":\"$LATEST\",\"handler\":\"bootstrap\"}"u8;
            SendAll(connection, Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nLambda-Extension-Identifier: {Guid.NewGuid()}\r\nContent-Type: application/json\r\nContent-Length: {json.Length}\r\n\r\n"));
            SendAll(connection, json);
        }
        else
        {
            SendAll(connection, Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
        }
    }

    private static string? HeaderValue(string head, string name)
    {
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            {
                return line[(name.Length + 1)..].Trim();
            }
        }

        return null;
    }

    private static int Receive(Socket connection, ref byte[] buffer, int filled)
    {
        if (filled == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = connection.Receive(buffer.AsSpan(filled));
        return read > 0 ? read : throw new IOException("closed");
    }

    private static void SendAll(Socket connection, ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            data = data[connection.Send(data)..];
        }
    }

    /// <summary>One event and what became of it.</summary>
    internal sealed class Pending(byte[] payload, string requestId)
    {
        public byte[] Payload { get; } = payload;

        public string RequestId { get; } = requestId;

        public ManualResetEventSlim Done { get; } = new(initialState: false);

        /// <summary>When the <c>GET next</c> that took this event arrived.</summary>
        public long NextAt { get; set; }

        /// <summary>When the event was sent.</summary>
        public long SentAt { get; set; }

        /// <summary>When the answer (response or error) arrived.</summary>
        public long AnsweredAt { get; set; }

        public byte[] Response { get; set; } = [];

        public bool IsError { get; set; }

        public string? ErrorType { get; set; }
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LambdaKit.Tests.TestHelpers;

/// <summary>
/// A scripted HTTP/1.1 peer on 127.0.0.1: each <see cref="ServeAsync"/> accepts one connection and, for each scripted answer,
/// reads one request (head and Content-Length body) and writes the answer bytes as given, so that a test can send what real
/// servers may send (odd casing, HTTP/1.0, chunks, trailers, malformed heads).
/// </summary>
internal sealed class ScriptedHttpPeer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public ScriptedHttpPeer() => _listener.Start();

    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public void Dispose() => _listener.Dispose();

    /// <summary>Accepts one connection and leaves it to the test (to hold it unanswered, or close it).</summary>
    public Task<TcpClient> AcceptAsync() => _listener.AcceptTcpClientAsync();

    /// <summary>
    /// Serves one connection. After the last answer the connection is closed, or, with <paramref name="holdOpen"/>, kept open
    /// (and not read) until that task completes: a client that reuses it then waits in vain.
    /// </summary>
    public async Task<List<string>> ServeAsync(string[] answers, Task? holdOpen = null)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var requests = new List<string>();
        var pending = new StringBuilder();
        var buffer = new byte[64 * 1024];
        foreach (var answer in answers)
        {
            while (true)
            {
                var text = pending.ToString();
                var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (headEnd >= 0)
                {
                    var lengthLine = text[..headEnd].Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
                    var length = lengthLine is null ? 0 : int.Parse(lengthLine.Split(':')[1].Trim(), CultureInfo.InvariantCulture);
                    if (text.Length >= headEnd + 4 + length)
                    {
                        requests.Add(text[..(headEnd + 4 + length)]);
                        pending.Remove(0, headEnd + 4 + length);
                        break;
                    }
                }

                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return requests;
                }

                pending.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(answer));
        }

        if (holdOpen is not null)
        {
            await holdOpen;
        }

        return requests;
    }

    public Task<List<string>> ServeAsync(params string[] answers) => ServeAsync(answers, holdOpen: null);
}

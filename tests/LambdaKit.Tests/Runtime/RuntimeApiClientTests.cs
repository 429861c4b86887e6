using System.Net;
using System.Net.Sockets;
using System.Text;
using LambdaKit.Runtime;
using LambdaKit.Tests.TestHelpers;

namespace LambdaKit.Tests.Runtime;

/// <summary>The socket client against a scripted HTTP/1.1 peer on 127.0.0.1: what real servers may send.</summary>
public sealed class RuntimeApiClientTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ScriptedHttpPeer _peer = new();

    private string Address => _peer.Address;

    public void Dispose() => _peer.Dispose();

    private Task<List<string>> ServeAsync(params string[] answers) => _peer.ServeAsync(answers);

    private const string NextHeaders = "Lambda-Runtime-Aws-Request-Id: req-1\r\nlambda-runtime-deadline-ms: 1700000000000\r\nLambda-Runtime-Trace-Id: Root=1-a\r\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Next_reads_headers_case_insensitively_and_a_content_length_body(bool blocking)
    {
        var server = ServeAsync($"HTTP/1.1 200 OK\r\n{NextHeaders}Content-Length: 12\r\n\r\n{{\"name\":\"x\"}}");
        using var client = new RuntimeApiClient(Address, blocking);

        using var invocation = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal("req-1", invocation.Headers.RequestId);
        Assert.Equal(1700000000000, invocation.Headers.DeadlineMs);
        Assert.Equal("Root=1-a", invocation.Headers.TraceId);
        Assert.Equal("""{"name":"x"}""", Encoding.UTF8.GetString(invocation.Payload.Span));
        var requests = await server;
        Assert.StartsWith("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n", requests[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Next_decodes_a_chunked_body(bool blocking)
    {
        var server = ServeAsync($"HTTP/1.1 200 OK\r\n{NextHeaders}Transfer-Encoding: chunked\r\n\r\n5\r\n{{\"a\":\r\n3;ext=1\r\n42}}\r\n0\r\n\r\n");
        using var client = new RuntimeApiClient(Address, blocking);

        using var invocation = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal("""{"a":42}""", Encoding.UTF8.GetString(invocation.Payload.Span));
        await server;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Response_and_error_are_posted_on_the_same_keep_alive_connection_with_their_headers(bool blocking)
    {
        var server = ServeAsync(
            "HTTP/1.1 202 Accepted\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n",
            "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        using var client = new RuntimeApiClient(Address, blocking);

        await client.SendResponseAsync("req 1", Encoding.UTF8.GetBytes("""{"ok":true}"""), CancellationToken.None);
        await client.SendErrorAsync("req-2", new LambdaError("Order.Rejected", "no"), CancellationToken.None);

        var requests = await server;
        Assert.StartsWith("POST /2018-06-01/runtime/invocation/req%201/response HTTP/1.1\r\n", requests[0], StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n{\"ok\":true}", requests[0], StringComparison.Ordinal);
        Assert.StartsWith("POST /2018-06-01/runtime/invocation/req-2/error HTTP/1.1\r\n", requests[1], StringComparison.Ordinal);
        Assert.Contains("\r\nLambda-Runtime-Function-Error-Type: Order.Rejected\r\n", requests[1], StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/vnd.aws.lambda.error+json\r\n", requests[1], StringComparison.Ordinal);
        Assert.Contains("\"errorType\":\"Order.Rejected\"", requests[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Payload_too_large_is_a_runtime_api_exception_with_status_413(bool blocking)
    {
        var server = ServeAsync("HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 2\r\n\r\n{}");
        using var client = new RuntimeApiClient(Address, blocking);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => client.SendResponseAsync("r", new byte[10], CancellationToken.None).AsTask());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, error.StatusCode);
        await server;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_connection_the_server_closed_is_replaced_and_the_call_retried(bool blocking)
    {
        var first = ServeAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        using var client = new RuntimeApiClient(Address, blocking);
        await client.SendResponseAsync("a", "1"u8.ToArray(), CancellationToken.None);
        await first; // the server closes this connection

        var second = ServeAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        await client.SendResponseAsync("b", "2"u8.ToArray(), CancellationToken.None);

        var requests = await second;
        Assert.Single(requests);
        Assert.Contains("/invocation/b/response", requests[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Broken_environment_status_on_next_is_a_runtime_api_exception(bool blocking)
    {
        var server = ServeAsync("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\nConnection: close\r\n\r\nbroke");
        using var client = new RuntimeApiClient(Address, blocking);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => client.GetNextInvocationAsync(CancellationToken.None).AsTask());

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("broke", error.Message, StringComparison.Ordinal);
        await server;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Waiting_for_next_ends_when_cancelled(bool blocking)
    {
        // Cancelled once the request is held, not after a time: a token that fired before the client connected would
        // leave the accept below waiting forever (it hung a CI run once, with a 200 ms token and a busy machine).
        using var client = new RuntimeApiClient(Address, blocking);
        using var stop = new CancellationTokenSource();
        var next = Task.Run(() => client.GetNextInvocationAsync(stop.Token).AsTask());
        using var held = await _peer.AcceptAsync().WaitAsync(Patience); // accepted, never answered: next blocks like on Lambda
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_blocking_client_completes_its_calls_on_the_callers_thread()
    {
        var server = ServeAsync(
            $"HTTP/1.1 200 OK\r\n{NextHeaders}Content-Length: 2\r\n\r\n{{}}",
            "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        using var client = new RuntimeApiClient(Address, blocking: true);

        var next = client.GetNextInvocationAsync(CancellationToken.None);
        Assert.True(next.IsCompletedSuccessfully);
        using var invocation = await next;
        var response = client.SendResponseAsync(invocation.Headers.RequestId, "{}"u8.ToArray(), CancellationToken.None);
        Assert.True(response.IsCompletedSuccessfully);

        var requests = await server;
        Assert.Equal(2, requests.Count);
        Assert.StartsWith("POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\n", requests[1], StringComparison.Ordinal);
        Assert.EndsWith("\r\nContent-Length: 2\r\n\r\n{}", requests[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocking_next_ends_when_cancelled_and_the_client_still_answers_afterwards()
    {
        using var client = new RuntimeApiClient(Address, blocking: true);
        using var stop = new CancellationTokenSource();
        var next = Task.Run(() => client.GetNextInvocationAsync(stop.Token).AsTask());
        using (await _peer.AcceptAsync().WaitAsync(Patience))
        {
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Patience));
        }

        var server = ServeAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        await client.SendResponseAsync("after", "1"u8.ToArray(), CancellationToken.None);

        var requests = await server;
        Assert.Single(requests);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:")]
    [InlineData(":9001")]
    public void Runtime_api_address_without_host_and_port_is_refused(string address)
    {
        Assert.Throws<InvalidOperationException>(() => RuntimeApiClient.ParseEndPoint(address));
    }
}

using System.Net;
using System.Text;
using LambdaKit.Runtime;
using LambdaKit.Tests.TestHelpers;

namespace LambdaKit.Tests.Runtime;

/// <summary>
/// The socket client's reading and writing of HTTP/1.1, byte for byte, against a scripted peer: every invocation header,
/// when a connection is kept or dropped, chunked bodies, malformed answers, and the request lines of every Runtime API call.
/// </summary>
public sealed class RuntimeApiWireTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private const string Accepted = "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n";
    private const string NextHead = "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r1\r\nLambda-Runtime-Deadline-Ms: 1700000000000\r\n";

    private readonly ScriptedHttpPeer _peer = new();

    public void Dispose() => _peer.Dispose();

    [Fact]
    public async Task Every_invocation_header_is_read_whatever_its_case_and_the_blanks_around_its_value()
    {
        var server = _peer.ServeAsync(
            "HTTP/1.1 200 OK\r\n" +
            "LAMBDA-RUNTIME-AWS-REQUEST-ID:  req-7 \r\n" +
            "lambda-runtime-deadline-ms:\t1700000000123\r\n" +
            "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:eu-west-1:123456789012:function:f\r\n" +
            "Lambda-Runtime-Trace-Id: Root=1-abc;Sampled=1\r\n" +
            "Lambda-Runtime-Client-Context: {\"custom\":{}}\r\n" +
            "Lambda-Runtime-Cognito-Identity: {\"cognitoIdentityId\":\"i\"}\r\n" +
            "Lambda-Runtime-Aws-Tenant-Id: tenant-9\r\n" +
            "Lambda-Runtime-Unknown: ignored\r\n" +
            "a line without a colon\r\n" +
            ": no name\r\n" +
            "Content-Length: 2\r\n\r\n{}");
        using var client = new RuntimeApiClient(_peer.Address);

        using var invocation = await client.GetNextInvocationAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        var headers = invocation.Headers;
        Assert.Equal("req-7", headers.RequestId);
        Assert.Equal(1700000000123, headers.DeadlineMs);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:f", headers.InvokedFunctionArn);
        Assert.Equal("Root=1-abc;Sampled=1", headers.TraceId);
        Assert.Equal("{\"custom\":{}}", headers.ClientContextJson);
        Assert.Equal("{\"cognitoIdentityId\":\"i\"}", headers.CognitoIdentityJson);
        Assert.Equal("tenant-9", headers.TenantId);
        Assert.Equal("{}", Encoding.UTF8.GetString(invocation.Payload.Span));
        await server;
    }

    [Fact]
    public void Response_looks_up_only_the_invocation_headers_it_keeps()
    {
        var response = new RuntimeApiResponse();

        response.SetInvocationHeader("Lambda-Runtime-Aws-Request-Id"u8, "a"u8);
        response.SetInvocationHeader("lambda-runtime-deadline-ms"u8, "1"u8);
        response.SetInvocationHeader("Content-Length"u8, "9"u8);

        Assert.Equal("a", response.GetHeader(RuntimeHeader.RequestId));
        Assert.Equal("1", response.GetHeader(RuntimeHeader.Deadline));
        Assert.Null(response.GetHeader(RuntimeHeader.TraceId));
        Assert.DoesNotContain("9", Enum.GetValues<RuntimeHeader>().Select(response.GetHeader));
    }

    [Theory]
    [InlineData("HTTP/1.0 202 Accepted\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 202 Accepted\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 202 Accepted\r\nconnection:   CLOSE\r\nContent-Length: 0\r\n\r\n")]
    public async Task Answer_that_closes_its_connection_is_followed_by_a_fresh_connection(string closingAnswer)
    {
        var release = new TaskCompletionSource();
        var first = _peer.ServeAsync([closingAnswer], release.Task);
        using var client = new RuntimeApiClient(_peer.Address);
        await client.SendResponseAsync("a", "1"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);

        // The first connection stays open but is never read again: a client that reused it would wait in vain.
        var second = _peer.ServeAsync(Accepted);
        await client.SendResponseAsync("b", "2"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);
        release.SetResult();

        Assert.Contains("/invocation/a/response", Assert.Single(await first), StringComparison.Ordinal);
        Assert.Contains("/invocation/b/response", Assert.Single(await second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_that_keeps_its_connection_is_followed_on_the_same_connection()
    {
        var server = _peer.ServeAsync("HTTP/1.1 202 Accepted\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", Accepted);
        using var client = new RuntimeApiClient(_peer.Address);

        await client.SendResponseAsync("a", "1"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);
        await client.SendResponseAsync("b", "2"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);

        Assert.Equal(2, (await server).Count);
    }

    [Fact]
    public async Task Shortest_valid_status_line_is_accepted()
    {
        var server = _peer.ServeAsync("HTTP/1.1 202\r\nContent-Length: 0\r\n\r\n");
        using var client = new RuntimeApiClient(_peer.Address);

        await client.SendResponseAsync("a", "1"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);

        Assert.Single(await server);
    }

    [Theory]
    [InlineData("HTTP/1.1 20\r\n\r\n", "malformed status line")]
    [InlineData("HTTP/2.0 202 Accepted\r\n\r\n", "malformed status line")]
    [InlineData("HTTP/1.1 OK! Accepted\r\n\r\n", "malformed status line")]
    [InlineData("HTTP/1.1 202 Accepted\r\nContent-Length: 1x\r\n\r\n", "malformed Content-Length")]
    [InlineData("HTTP/1.1 202 Accepted\r\nContent-Length: -1\r\n\r\n", "malformed Content-Length")]
    [InlineData("HTTP/1.1 202 Accepted\r\nContent-Length: \r\n\r\n", "malformed Content-Length")]
    public async Task Malformed_answer_is_a_runtime_api_exception_after_one_retry(string answer, string what)
    {
        var first = _peer.ServeAsync(answer);
        using var client = new RuntimeApiClient(_peer.Address);
        var call = client.SendResponseAsync("a", "1"u8.ToArray(), CancellationToken.None).AsTask();
        await first;
        var second = _peer.ServeAsync(answer);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => call.WaitAsync(Bound));

        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
        Assert.False(error.IsUnreachable);
        Assert.Single(await second);
    }

    [Fact]
    public async Task Connection_closed_before_the_head_ends_is_retried_once_then_reported()
    {
        var first = _peer.ServeAsync("HTTP/1.1 202 Acc");
        using var client = new RuntimeApiClient(_peer.Address);
        var call = client.SendResponseAsync("a", "1"u8.ToArray(), CancellationToken.None).AsTask();
        await first;
        var second = _peer.ServeAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\n\r\n12");

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => call.WaitAsync(Bound));

        Assert.Contains("in the middle of a body", error.Message, StringComparison.Ordinal);
        await second;
    }

    [Fact]
    public async Task Chunked_body_larger_than_the_first_buffer_with_spaces_extensions_and_trailers_is_read_whole()
    {
        var part1 = new string('a', 12_000);
        var part2 = new string('b', 9_000);
        var body = $"\"{part1}{part2}\"";
        var chunk1 = body[..12_001];
        var chunk2 = body[12_001..];
        var server = _peer.ServeAsync(
            $"{NextHead}Transfer-Encoding: gzip, chunked\r\n\r\n" +
            $"{chunk1.Length:x} \r\n{chunk1}\r\n" +
            $"{chunk2.Length:X};name=value\r\n{chunk2}\r\n" +
            "0\r\nX-Trailer: 1\r\nX-Other: 2\r\n\r\n");
        using var client = new RuntimeApiClient(_peer.Address);

        using (var invocation = await client.GetNextInvocationAsync(CancellationToken.None).AsTask().WaitAsync(Bound))
        {
            Assert.Equal(body, Encoding.UTF8.GetString(invocation.Payload.Span));
        }

        await server;
    }

    [Fact]
    public async Task Chunked_body_followed_by_the_next_answer_on_the_same_connection_leaves_that_answer_intact()
    {
        var server = _peer.ServeAsync(
            $"{NextHead}Transfer-Encoding: chunked\r\n\r\n2\r\n{{}}\r\n0\r\n\r\n",
            "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        using var client = new RuntimeApiClient(_peer.Address);

        using (var invocation = await client.GetNextInvocationAsync(CancellationToken.None).AsTask().WaitAsync(Bound))
        {
            Assert.Equal("{}", Encoding.UTF8.GetString(invocation.Payload.Span));
        }

        await client.SendResponseAsync("r1", "{}"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);
        Assert.Equal(2, (await server).Count);
    }

    [Theory]
    [InlineData("zz\r\n")]
    [InlineData("\r\n")]
    [InlineData("-1\r\n")]
    [InlineData("5x\r\n")]
    public async Task Malformed_chunk_size_is_a_runtime_api_exception(string sizeLine)
    {
        var answer = $"{NextHead}Transfer-Encoding: chunked\r\n\r\n{sizeLine}abcde\r\n0\r\n\r\n";
        var first = _peer.ServeAsync(answer);
        using var client = new RuntimeApiClient(_peer.Address);
        var call = client.GetNextInvocationAsync(CancellationToken.None).AsTask();
        await first;
        var second = _peer.ServeAsync(answer);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => call.WaitAsync(Bound));

        Assert.Contains("malformed chunk size", error.Message, StringComparison.Ordinal);
        await second;
    }

    [Fact]
    public async Task Empty_content_length_body_gives_an_empty_payload()
    {
        var server = _peer.ServeAsync($"{NextHead}Content-Length: 0\r\n\r\n");
        using var client = new RuntimeApiClient(_peer.Address);

        using var invocation = await client.GetNextInvocationAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        Assert.True(invocation.Payload.IsEmpty);
        await server;
    }

    [Fact]
    public async Task Post_answered_with_another_2xx_succeeds_and_one_answered_4xx_carries_status_and_body()
    {
        var server = _peer.ServeAsync(
            "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nfine",
            "HTTP/1.1 299 Odd\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 21\r\n\r\n{\"errorType\":\"Bad.1\"}",
            "HTTP/1.1 300 Multiple\r\nContent-Length: 0\r\n\r\n");
        using var client = new RuntimeApiClient(_peer.Address);

        await client.SendResponseAsync("a", "1"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);
        await client.SendResponseAsync("b", "2"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);
        var bad = await Assert.ThrowsAsync<RuntimeApiException>(() => client.SendErrorAsync("c", new LambdaError("E", "m"), CancellationToken.None).AsTask().WaitAsync(Bound));
        var redirect = await Assert.ThrowsAsync<RuntimeApiException>(() => client.SendResponseAsync("d", "4"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("POST error answered 400. {\"errorType\":\"Bad.1\"}", bad.Message);
        Assert.Equal((HttpStatusCode)300, redirect.StatusCode);
        Assert.StartsWith("POST response answered 300.", redirect.Message, StringComparison.Ordinal);
        Assert.Equal(4, (await server).Count);
    }

    [Fact]
    public async Task Next_answered_with_a_status_other_than_200_is_a_runtime_api_exception()
    {
        var server = _peer.ServeAsync("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
        using var client = new RuntimeApiClient(_peer.Address);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => client.GetNextInvocationAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        Assert.Equal(HttpStatusCode.NoContent, error.StatusCode);
        Assert.StartsWith("GET next answered 204", error.Message, StringComparison.Ordinal);
        await server;
    }

    [Fact]
    public async Task Error_type_that_is_not_printable_ascii_is_sent_with_underscores_in_the_header_and_whole_in_the_body()
    {
        var server = _peer.ServeAsync(Accepted);
        using var client = new RuntimeApiClient(_peer.Address);

        await client.SendErrorAsync("r", new LambdaError("Ordér\u007F.Fail\u001F~ ", "m"), CancellationToken.None).AsTask().WaitAsync(Bound);

        var request = Assert.Single(await server);
        Assert.Contains("\r\nLambda-Runtime-Function-Error-Type: Ord_r_.Fail_~ \r\n", request, StringComparison.Ordinal);
        Assert.Contains("\"errorType\":\"Ord\\u00E9r", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_restore_and_extension_calls_use_their_paths_headers_and_bodies()
    {
        var server = _peer.ServeAsync(
            Accepted,
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
            Accepted,
            "HTTP/1.1 200 OK\r\nLambda-Extension-Identifier: id\r\nContent-Length: 2\r\n\r\n{}");
        using var client = new RuntimeApiClient(_peer.Address + "/pre");

        await client.SendInitErrorAsync(new LambdaError("Init.Failed", "no"), CancellationToken.None).AsTask().WaitAsync(Bound);
        await client.WaitForRestoreAsync(CancellationToken.None).AsTask().WaitAsync(Bound);
        await client.SendRestoreErrorAsync(new LambdaError("Restore.Failed", "no"), CancellationToken.None).AsTask().WaitAsync(Bound);
        await client.RegisterInternalExtensionAsync("lambda\u00E9kit", CancellationToken.None).AsTask().WaitAsync(Bound);

        var requests = await server;
        Assert.Equal(4, requests.Count);
        Assert.StartsWith("POST /pre/2018-06-01/runtime/init/error HTTP/1.1\r\nHost: " + _peer.Address + "\r\n", requests[0], StringComparison.Ordinal);
        Assert.Contains("\r\nLambda-Runtime-Function-Error-Type: Init.Failed\r\n", requests[0], StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/vnd.aws.lambda.error+json\r\n", requests[0], StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n{\"errorType\":\"Init.Failed\",\"errorMessage\":\"no\",\"stackTrace\":[]}", requests[0], StringComparison.Ordinal);
        Assert.Equal("GET /pre/2018-06-01/runtime/restore/next HTTP/1.1\r\nHost: " + _peer.Address + "\r\n\r\n", requests[1]);
        Assert.StartsWith("POST /pre/2018-06-01/runtime/restore/error HTTP/1.1\r\n", requests[2], StringComparison.Ordinal);
        Assert.Contains("\r\nLambda-Runtime-Function-Error-Type: Restore.Failed\r\n", requests[2], StringComparison.Ordinal);
        Assert.Equal(
            "POST /pre/2020-01-01/extension/register HTTP/1.1\r\nHost: " + _peer.Address + "\r\nLambda-Extension-Name: lambda_kit\r\n" +
            "Content-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"events\":[]}",
            requests[3]);
    }

    [Fact]
    public async Task Restore_and_extension_calls_answered_outside_2xx_are_runtime_api_exceptions()
    {
        var server = _peer.ServeAsync(
            "HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\n\r\ngone",
            "HTTP/1.1 300 Odd\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 199 Odd\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 299 Odd\r\nContent-Length: 0\r\n\r\n");
        using var client = new RuntimeApiClient(_peer.Address);

        var restore = await Assert.ThrowsAsync<RuntimeApiException>(() => client.WaitForRestoreAsync(CancellationToken.None).AsTask().WaitAsync(Bound));
        var restore300 = await Assert.ThrowsAsync<RuntimeApiException>(() => client.WaitForRestoreAsync(CancellationToken.None).AsTask().WaitAsync(Bound));
        var extension = await Assert.ThrowsAsync<RuntimeApiException>(() => client.RegisterInternalExtensionAsync("x", CancellationToken.None).AsTask().WaitAsync(Bound));
        var extension199 = await Assert.ThrowsAsync<RuntimeApiException>(() => client.RegisterInternalExtensionAsync("x", CancellationToken.None).AsTask().WaitAsync(Bound));
        await client.WaitForRestoreAsync(CancellationToken.None).AsTask().WaitAsync(Bound);
        await client.RegisterInternalExtensionAsync("x", CancellationToken.None).AsTask().WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        Assert.Equal("GET restore/next answered 404. gone", restore.Message);
        Assert.Equal((HttpStatusCode)300, restore300.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, extension.StatusCode);
        Assert.Equal("Extension registration answered 500.", extension.Message);
        Assert.Equal((HttpStatusCode)199, extension199.StatusCode);
        Assert.Equal(6, (await server).Count);
    }

    [Fact]
    public async Task Answer_to_a_post_larger_than_its_cap_is_not_read_and_its_connection_is_dropped()
    {
        var release = new TaskCompletionSource();
        var first = _peer.ServeAsync([$"HTTP/1.1 202 Accepted\r\nContent-Length: {(64 * 1024) + 1}\r\n\r\n"], release.Task);
        using var client = new RuntimeApiClient(_peer.Address);
        await client.SendResponseAsync("a", "1"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);

        var second = _peer.ServeAsync(Accepted);
        await client.SendResponseAsync("b", "2"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);
        release.SetResult();

        Assert.Single(await first);
        Assert.Single(await second);
    }

    [Fact]
    public async Task Answer_to_a_post_exactly_at_its_cap_is_read_and_its_connection_kept()
    {
        var cap = 64 * 1024;
        var server = _peer.ServeAsync($"HTTP/1.1 202 Accepted\r\nContent-Length: {cap}\r\n\r\n{new string('x', cap)}", Accepted);
        using var client = new RuntimeApiClient(_peer.Address);

        await client.SendResponseAsync("a", "1"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);
        await client.SendResponseAsync("b", "2"u8.ToArray(), CancellationToken.None).AsTask().WaitAsync(Bound);

        Assert.Equal(2, (await server).Count);
    }

    [Fact]
    public void Transport_failures_are_told_apart_from_answers_of_the_runtime_api()
    {
        Assert.True(RuntimeApiClient.IsTransportFailure(new IOException("reset")));
        Assert.True(RuntimeApiClient.IsTransportFailure(new System.Net.Sockets.SocketException()));
        Assert.True(RuntimeApiClient.IsTransportFailure(new RuntimeApiException("closed")));
        Assert.False(RuntimeApiClient.IsTransportFailure(new RuntimeApiException(HttpStatusCode.BadGateway, "502")));
        Assert.False(RuntimeApiClient.IsTransportFailure(new RuntimeApiException("down") { IsUnreachable = true }));
        Assert.False(RuntimeApiClient.IsTransportFailure(new InvalidOperationException()));
    }

    [Theory]
    [InlineData("127.0.0.1:9001", "127.0.0.1", 9001)]
    [InlineData("[::1]:9002", "::1", 9002)]
    public void Ip_address_runtime_api_is_an_ip_end_point(string value, string address, int port)
    {
        var endPoint = Assert.IsType<IPEndPoint>(RuntimeApiClient.ParseEndPoint(value));

        Assert.Equal(IPAddress.Parse(address), endPoint.Address);
        Assert.Equal(port, endPoint.Port);
    }

    [Fact]
    public void Host_name_runtime_api_is_a_dns_end_point()
    {
        var endPoint = Assert.IsType<DnsEndPoint>(RuntimeApiClient.ParseEndPoint("localhost:9003"));

        Assert.Equal("localhost", endPoint.Host);
        Assert.Equal(9003, endPoint.Port);
    }

    [Theory]
    [InlineData("  127.0.0.1:9001  ", "127.0.0.1:9001", "")]
    [InlineData("HTTP://127.0.0.1:9001/x//", "127.0.0.1:9001", "/x")]
    [InlineData("127.0.0.1:9001/", "127.0.0.1:9001", "")]
    public void Runtime_api_value_is_trimmed_and_its_scheme_and_trailing_slashes_dropped(string value, string hostAndPort, string prefix)
    {
        Assert.Equal((hostAndPort, prefix), RuntimeApiClient.SplitPrefix(value));
    }
}

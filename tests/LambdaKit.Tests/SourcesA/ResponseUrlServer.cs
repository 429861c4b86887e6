using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.SourcesA;

/// <summary>A Kestrel server on 127.0.0.1 that plays the pre-signed S3 ResponseURL of CloudFormation: it keeps every PUT.</summary>
internal sealed class ResponseUrlServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ResponseUrlServer(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string PathAndQuery, string? ContentType, string Body)> Received { get; } = new();

    public TaskCompletionSource FirstReceived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Status { get; set; } = 200;

    public string Url(string pathAndQuery) => _app.Urls.First() + pathAndQuery;

    public static async Task<ResponseUrlServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ResponseUrlServer(app);
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            server.Received.Enqueue((http.Request.Method, http.Request.Path + http.Request.QueryString, http.Request.ContentType, body));
            http.Response.StatusCode = server.Status;
            server.FirstReceived.TrySetResult();
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Serialization;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Routing.Http;

/// <summary>
/// Serves API Gateway REST v1, HTTP API v2 / function URL and ALB events from one route table: reads the request
/// (<see cref="HttpRequestEnvelopes"/>), matches method and path (<see cref="HttpRouteTable"/>), runs the route with the
/// deadline token, and writes the response envelope of the source that asked (<see cref="HttpResponseEnvelopes"/>).
/// Unknown path → 404, wrong method → 405 with <c>Allow</c>, unhandled exception → 500 without details (they are logged),
/// out of time → 504; all as <c>application/problem+json</c>.
/// </summary>
internal sealed partial class HttpRouter
{
    private readonly HttpRouteTable _routes;
    private readonly JsonMetadata _json;
    private readonly ILogger _logger;

    public HttpRouter(IEnumerable<HttpRoute> routes, JsonMetadata json, ILogger<HttpRouter> logger)
    {
        _routes = new HttpRouteTable(routes);
        _json = json;
        _logger = logger;
    }

    public static IReadOnlyList<EventSourceKind> Sources { get; } =
        [EventSourceKind.ApiGatewayRest, EventSourceKind.ApiGatewayHttpV2, EventSourceKind.ApplicationLoadBalancer];

    /// <summary>
    /// Serves the request of <paramref name="context"/>, read as the envelope of <paramref name="source"/>; the outcome counts
    /// one unfinished item when the route ran out of time (answered 504).
    /// </summary>
    public async ValueTask<InvocationOutcome> InvokeAsync(InvocationContext context, EventSourceKind source)
    {
        var (request, multiValue) = HttpRequestEnvelopes.Read(context, source, _json);
        var (result, timedOut) = await RunAsync(request, context).ConfigureAwait(false);
        HttpResponseEnvelopes.Write(context, request.Source, result, multiValue, _json);
        return timedOut ? new InvocationOutcome { UnfinishedWork = 1 } : InvocationOutcome.Completed;
    }

    internal async ValueTask<(HttpResult Result, bool TimedOut)> RunAsync(LambdaHttpRequest request, InvocationContext context)
    {
        var route = _routes.Match(request, out var allowed);
        if (route is null)
        {
            return (allowed is null
                ? HttpResults.Problem(404, "Not Found", $"No route matches {Shorten(request.Method)} {Shorten(request.Path)}.")
                : HttpResults.Problem(405, "Method Not Allowed", $"{Shorten(request.Path)} does not accept {Shorten(request.Method)}.").WithHeader("Allow", allowed), false);
        }

        var token = context.CancellationToken;
        Task<HttpResult>? running = null;
        try
        {
            var pending = route.Handler(request, token);
            if (pending.IsCompletedSuccessfully)
            {
                return (pending.Result, false);
            }

            running = pending.AsTask();
            return (await running.WaitAsync(token).ConfigureAwait(false), false);
        }
        catch (HttpProblemException problem)
        {
            if (problem.InnerException is { } cause)
            {
                // The details (serializer messages, type names) stay in the log; the body says it in the user's terms.
                LogProblem(_logger, cause, problem.StatusCode, request.Method, Shorten(request.Path));
            }

            return (HttpResults.Problem(problem.StatusCode, problem.Title, problem.Detail), false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            if (running is { IsCompleted: false })
            {
                // The loop observes it and keeps the invocation's DI scope alive until it finished.
                context.Abandon(running);
            }

            LogTimedOut(_logger, request.Method, request.Path);
            return (HttpResults.Problem(504, "Gateway Timeout", "The request did not complete before the function's deadline."), true);
        }
        catch (Exception exception)
        {
            LogUnhandled(_logger, exception, request.Method, request.Path);
            return (HttpResults.Problem(500, "Internal Server Error", "An unexpected error occurred."), false);
        }
    }

    /// <summary>Request text echoed in a problem body is bounded (it is JSON-escaped when written).</summary>
    private static string Shorten(string value) => value.Length <= 200 ? value : string.Concat(value.AsSpan(0, 200), "…");

    [LoggerMessage(10, LogLevel.Error, "Unhandled exception in route {Method} {Path}; answered 500")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(11, LogLevel.Warning, "Route {Method} {Path} ran out of time; answered 504")]
    private static partial void LogTimedOut(ILogger logger, string method, string path);

    [LoggerMessage(12, LogLevel.Information, "{Method} {Path} answered {Status}")]
    private static partial void LogProblem(ILogger logger, Exception exception, int status, string method, string path);
}

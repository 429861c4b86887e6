using System.Text.Json;
using LambdaKit.Events;
using LambdaKit.Events.CloudFormation;

namespace LambdaKit;

/// <summary>
/// Base class of a CloudFormation custom resource: override <see cref="HandleResourceAsync"/>, and the answer is always sent
/// with <c>PUT</c> to the request's pre-signed <c>ResponseURL</c> — <c>SUCCESS</c> with what it returned, or <c>FAILED</c> with
/// the exception's message as <c>Reason</c> when it throws, or when it is still running <see cref="ResponseMargin"/> before the
/// deadline — because a stack waits an hour for an answer that never comes. The invocation itself returns nothing.
/// Register with <c>services.AddHandler&lt;CloudFormationCustomResourceRequest, MyResource&gt;()</c>.
/// </summary>
public abstract class CloudFormationCustomResourceHandler : ILambdaHandler<CloudFormationCustomResourceRequest>
{
    private static readonly HttpClient SharedClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly TimeProvider _time;

    /// <summary>Initializes the handler.</summary>
    /// <param name="timeProvider">The clock the deadline is watched with; the system clock when <see langword="null"/>.</param>
    protected CloudFormationCustomResourceHandler(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Gets how long before the deadline an unfinished <see cref="HandleResourceAsync"/> is given up and <c>FAILED</c> is sent
    /// (its cancellation token is cancelled then); 3 seconds unless overridden.
    /// </summary>
    protected virtual TimeSpan ResponseMargin => TimeSpan.FromSeconds(3);

    /// <summary>Gets the client the answer is sent with; a shared client unless overridden.</summary>
    protected virtual HttpClient HttpClient => SharedClient;

    /// <inheritdoc />
    public async ValueTask HandleAsync(CloudFormationCustomResourceRequest input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        if (!Uri.TryCreate(input.ResponseURL, UriKind.Absolute, out var responseUrl))
        {
            throw new InvalidOperationException("The CloudFormation custom resource request has no valid ResponseURL, so no answer can be sent.");
        }

        var response = await DecideAsync(input, context, cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.SerializeToUtf8Bytes(response, LambdaKitEventsJsonContext.Default.CloudFormationCustomResourceResponse);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = null;   // the pre-signed S3 URL is signed without a content type
        content.Headers.ContentLength = body.Length;
        using var put = new HttpRequestMessage(HttpMethod.Put, responseUrl) { Content = content };

        // The answer is sent even when the invocation's token has fired: it is what keeps the stack from hanging.
        using var answer = await HttpClient.SendAsync(put, CancellationToken.None).ConfigureAwait(false);
        if (!answer.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The CloudFormation response URL refused the {response.Status} answer with HTTP {(int)answer.StatusCode}.", null, answer.StatusCode);
        }
    }

    /// <summary>Creates, updates or deletes the resource, as <c>request.RequestType</c> says.</summary>
    /// <param name="request">The request; <c>ResourceProperties</c> holds the template's properties.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Cancelled <see cref="ResponseMargin"/> before the deadline (or when the invocation's own token fires).</param>
    /// <returns>The physical identifier and data of the resource; throw to answer <c>FAILED</c>.</returns>
    protected abstract ValueTask<CloudFormationCustomResourceResult> HandleResourceAsync(CloudFormationCustomResourceRequest request, ILambdaContext context, CancellationToken cancellationToken);

    private async Task<CloudFormationCustomResourceResponse> DecideAsync(CloudFormationCustomResourceRequest request, ILambdaContext context, CancellationToken cancellationToken)
    {
        var budget = context.RemainingTime - ResponseMargin;
        if (budget <= TimeSpan.Zero)
        {
            return Answer(request, context, null, "The function had no time left to handle the request.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var work = RunAsync(request, context, stop.Token);
        var timeout = Task.Delay(budget, _time, stop.Token);
        var first = await Task.WhenAny(work, timeout).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        return first == work
            ? await work.ConfigureAwait(false)
            : Answer(request, context, null, $"The custom resource handler did not finish {ResponseMargin.TotalSeconds:0.###} s before the function's deadline.");
    }

    private async Task<CloudFormationCustomResourceResponse> RunAsync(CloudFormationCustomResourceRequest request, ILambdaContext context, CancellationToken cancellationToken)
    {
        try
        {
            var result = await HandleResourceAsync(request, context, cancellationToken).ConfigureAwait(false);
            return Answer(request, context, result ?? new CloudFormationCustomResourceResult(), null);
        }
#pragma warning disable CA1031 // Every failure must become a FAILED answer.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            context.Logger.Log(Microsoft.Extensions.Logging.LogLevel.Error, exception, "The custom resource handler failed; answering FAILED.");
            return Answer(request, context, null, string.IsNullOrEmpty(exception.Message) ? exception.GetType().Name : exception.Message);
        }
    }

    private static CloudFormationCustomResourceResponse Answer(CloudFormationCustomResourceRequest request, ILambdaContext context, CloudFormationCustomResourceResult? result, string? failure) => new()
    {
        Status = failure is null ? "SUCCESS" : "FAILED",
        Reason = failure is null ? null : $"{failure} (log stream {context.LogStreamName})",
        PhysicalResourceId = result?.PhysicalResourceId ?? request.PhysicalResourceId ?? context.LogStreamName,
        StackId = request.StackId,
        RequestId = request.RequestId,
        LogicalResourceId = request.LogicalResourceId,
        NoEcho = result?.NoEcho == true ? true : null,
        Data = result?.Data,
    };
}

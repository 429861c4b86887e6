using System.Buffers;

namespace LambdaKit.Context;

/// <summary>
/// One invocation as the pipeline sees it: the <see cref="ILambdaContext"/> handed to handlers, plus the event bytes,
/// the DI scope, the output buffer and the deadline token. One allocation per invocation.
/// </summary>
internal sealed class InvocationContext : ILambdaContext
{
    private readonly LambdaEnvironment _environment;
    private readonly TimeProvider _time;
    private ICognitoIdentity? _identity;
    private IClientContext? _clientContext;
    private bool _identityParsed;
    private bool _clientContextParsed;
    private readonly object _abandonedLock = new();
    private List<Task>? _abandoned;

    public InvocationContext(
        InvocationHeaders headers,
        LambdaEnvironment environment,
        TimeProvider time,
        ILambdaLogger logger,
        bool isColdStart)
    {
        Headers = headers;
        _environment = environment;
        _time = time;
        Logger = logger;
        IsColdStart = isColdStart;
    }

    public InvocationHeaders Headers { get; }

    /// <summary>The event, UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }

    /// <summary>The invocation's DI scope.</summary>
    public IServiceProvider Services { get; set; } = EmptyServiceProvider.Instance;

    /// <summary>Where the handler's response is serialized.</summary>
    public IBufferWriter<byte> Output { get; init; } = null!;

    /// <summary>Fires a margin before the deadline.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// Keeps work that was abandoned at the deadline (a route or record handler that ignored its token): the loop observes
    /// it and disposes the invocation's DI scope only after it finished, so that it never runs on a disposed scope.
    /// </summary>
    public void Abandon(Task work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_abandonedLock)
        {
            (_abandoned ??= []).Add(work);
        }
    }

    /// <summary>The work abandoned at the deadline that has not finished yet, if any; empties the list.</summary>
    public List<Task>? TakeAbandoned()
    {
        lock (_abandonedLock)
        {
            var abandoned = _abandoned;
            _abandoned = null;
            abandoned?.RemoveAll(static task => task.IsCompletedSuccessfully);
            return abandoned is { Count: > 0 } ? abandoned : null;
        }
    }

    public string AwsRequestId => Headers.RequestId;

    public string FunctionName => _environment.FunctionName;

    public string FunctionVersion => _environment.FunctionVersion;

    public string InvokedFunctionArn => Headers.InvokedFunctionArn ?? string.Empty;

    public int MemoryLimitInMB => _environment.MemoryLimitInMB;

    public string LogGroupName => _environment.LogGroupName;

    public string LogStreamName => _environment.LogStreamName;

    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = Deadline - _time.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    public ICognitoIdentity? Identity
    {
        get
        {
            if (!_identityParsed)
            {
                _identity = CognitoIdentity.Parse(Headers.CognitoIdentityJson);
                _identityParsed = true;
            }

            return _identity;
        }
    }

    public IClientContext? ClientContext
    {
        get
        {
            if (!_clientContextParsed)
            {
                _clientContext = Context.ClientContext.Parse(Headers.ClientContextJson);
                _clientContextParsed = true;
            }

            return _clientContext;
        }
    }

    public ILambdaLogger Logger { get; }

    public string? TraceId => Headers.TraceId;

    public string? TenantId => Headers.TenantId;

    public DateTimeOffset Deadline => Headers.Deadline;

    public bool IsColdStart { get; }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}

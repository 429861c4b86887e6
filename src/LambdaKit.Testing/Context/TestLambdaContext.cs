namespace LambdaKit.Testing;

/// <summary>
/// An <see cref="ILambdaContext"/> for unit tests that call a handler directly, like
/// <c>Amazon.Lambda.TestUtilities.TestLambdaContext</c>: every member is settable. Its <see cref="Deadline"/> drives
/// <see cref="RemainingTime"/> and <see cref="CancellationToken"/> on the <see cref="System.TimeProvider"/> it was created with,
/// so that a test with a fake clock (for example <c>FakeTimeProvider</c>) can reach the deadline without waiting.
/// <code>
/// var time = new FakeTimeProvider();
/// using var context = new TestLambdaContext(time) { RemainingTime = TimeSpan.FromSeconds(3) };
/// var task = handler.HandleAsync(input, context, context.CancellationToken);
/// time.Advance(TimeSpan.FromSeconds(2.5));   // the token fires CancellationMargin (500 ms) before the deadline
/// </code>
/// </summary>
public sealed class TestLambdaContext : ILambdaContext, IDisposable
{
    // CancelAfter takes at most uint.MaxValue - 1 ms; a deadline further away never fires.
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
    private readonly object _gate = new();
    private DateTimeOffset _deadline;
    private TimeSpan _margin = TimeSpan.FromMilliseconds(500);
    private CancellationTokenSource? _cancellation;

    /// <summary>Creates a context on the system clock, with a deadline 30 seconds from now.</summary>
    public TestLambdaContext()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a context on <paramref name="timeProvider"/>, with a deadline 30 seconds from its current time.</summary>
    /// <param name="timeProvider">The clock of <see cref="RemainingTime"/> and of <see cref="CancellationToken"/>'s timer.</param>
    public TestLambdaContext(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
        _deadline = timeProvider.GetUtcNow() + TimeSpan.FromSeconds(30);
    }

    /// <summary>The clock of <see cref="RemainingTime"/> and <see cref="CancellationToken"/>.</summary>
    public TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public string AwsRequestId { get; set; } = Guid.NewGuid().ToString();

    /// <inheritdoc />
    public string FunctionName { get; set; } = "test-function";

    /// <inheritdoc />
    public string FunctionVersion { get; set; } = "$LATEST";

    /// <inheritdoc />
    public string InvokedFunctionArn { get; set; } = "arn:aws:lambda:us-east-1:123456789012:function:test-function";

    /// <inheritdoc />
    public int MemoryLimitInMB { get; set; } = 256;

    /// <inheritdoc />
    public string LogGroupName { get; set; } = "/aws/lambda/test-function";

    /// <inheritdoc />
    public string LogStreamName { get; set; } = "2026/01/01/[$LATEST]test";

    /// <summary>
    /// The time left before <see cref="Deadline"/> on <see cref="TimeProvider"/>, never negative. Setting it moves the deadline
    /// to that long from now.
    /// </summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = Deadline - TimeProvider.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }

        set => Deadline = TimeProvider.GetUtcNow() + value;
    }

    /// <inheritdoc />
    public ICognitoIdentity? Identity { get; set; }

    /// <inheritdoc />
    public IClientContext? ClientContext { get; set; }

    /// <summary>The logger; a <see cref="TestLambdaLogger"/> unless set.</summary>
    public ILambdaLogger Logger { get; set; } = new TestLambdaLogger();

    /// <inheritdoc />
    public string? TraceId { get; set; }

    /// <inheritdoc />
    public string? TenantId { get; set; }

    /// <summary>The invocation's deadline; moving it re-arms <see cref="CancellationToken"/> unless the token already fired.</summary>
    public DateTimeOffset Deadline
    {
        get
        {
            lock (_gate)
            {
                return _deadline;
            }
        }

        set
        {
            lock (_gate)
            {
                _deadline = value;
                Arm();
            }
        }
    }

    /// <inheritdoc />
    public bool IsColdStart { get; set; }

    /// <summary>
    /// How long before <see cref="Deadline"/> <see cref="CancellationToken"/> fires, as LambdaKit's
    /// <c>LambdaKitOptions.CancellationMargin</c> does for a real invocation. Default: 500 ms.
    /// </summary>
    public TimeSpan CancellationMargin
    {
        get
        {
            lock (_gate)
            {
                return _margin;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _margin = value;
                Arm();
            }
        }
    }

    /// <summary>
    /// The token a handler gets with this invocation: it fires <see cref="CancellationMargin"/> before <see cref="Deadline"/>
    /// on <see cref="TimeProvider"/> (at once when that is past). Once it fired, it stays cancelled.
    /// </summary>
    public CancellationToken CancellationToken
    {
        get
        {
            lock (_gate)
            {
                if (_cancellation is null)
                {
                    _cancellation = new CancellationTokenSource(Timeout.InfiniteTimeSpan, TimeProvider);
                    Arm();
                }

                return _cancellation.Token;
            }
        }
    }

    /// <summary>Stops the token's timer.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _cancellation?.Dispose();
        }
    }

    private void Arm()
    {
        if (_cancellation is null || _cancellation.IsCancellationRequested)
        {
            return;
        }

        var due = _deadline - _margin - TimeProvider.GetUtcNow();
        if (due <= TimeSpan.Zero)
        {
            _cancellation.Cancel();
        }
        else
        {
            _cancellation.CancelAfter(due < LongestDelay ? due : Timeout.InfiniteTimeSpan);
        }
    }
}

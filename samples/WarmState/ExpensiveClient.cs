using Microsoft.Extensions.Logging;

namespace WarmState;

/// <summary>
/// Stands for a client that is costly to create (a database connection pool, an SDK client that fetches credentials):
/// connecting takes a while, so it is built once per execution environment and reused by every warm invocation.
/// </summary>
internal sealed partial class ExpensiveClient : IAsyncDisposable
{
    private static int s_connects;
    private readonly ILogger _logger;
    private int _queries;

    private ExpensiveClient(int id, ILogger logger)
    {
        Id = id;
        _logger = logger;
    }

    /// <summary>How many times a connection was attempted in this process: the warm-state factory's runs.</summary>
    public static int Connects => Volatile.Read(ref s_connects);

    /// <summary>The connection's number (1 for the first).</summary>
    public int Id { get; }

    /// <summary>How many queries this connection served.</summary>
    public int Queries => Volatile.Read(ref _queries);

    public static async ValueTask<ExpensiveClient> ConnectAsync(ClientSettings settings, ILogger<ExpensiveClient> logger, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref s_connects);
        await Task.Delay(settings.ConnectDelay, cancellationToken);
        if (attempt <= settings.FailFirst)
        {
            throw new ClientConnectException($"Connection attempt {attempt} failed on purpose (WARM_FAIL_FIRST={settings.FailFirst}).");
        }

        LogConnected(logger, attempt, settings.ConnectDelay.TotalMilliseconds);
        return new ExpensiveClient(attempt, logger);
    }

    /// <summary>Answers a question; also says which query of this connection it was.</summary>
    public (string Answer, int QueryNumber) Query(string question)
    {
        var number = Interlocked.Increment(ref _queries);
        return ($"client {Id} answers '{question}'", number);
    }

    public ValueTask DisposeAsync()
    {
        LogDisposed(_logger, Id, Queries);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Information, "WarmState: client {ClientId} connected in {ConnectMs} ms")]
    private static partial void LogConnected(ILogger logger, int clientId, double connectMs);

    [LoggerMessage(2, LogLevel.Information, "WarmState: client {ClientId} disposed after {Queries} queries")]
    private static partial void LogDisposed(ILogger logger, int clientId, int queries);
}

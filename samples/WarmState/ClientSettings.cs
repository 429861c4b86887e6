using System.Globalization;

namespace WarmState;

/// <summary>How the sample's client behaves, from environment variables (the end-to-end tests set them).</summary>
internal sealed class ClientSettings
{
    /// <summary><c>WARM_TTL_MS</c>: the client's time-to-live; none when unset.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary><c>WARM_UP_AT_START</c>: connect in the init phase, before the first invocation.</summary>
    public bool WarmUpAtStart { get; init; }

    /// <summary><c>WARM_CONNECT_MS</c>: how long connecting takes (default 200 ms).</summary>
    public TimeSpan ConnectDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary><c>WARM_FAIL_FIRST</c>: how many connection attempts fail before one succeeds.</summary>
    public int FailFirst { get; init; }

    /// <summary><c>WARM_METRICS</c>: write an Embedded Metric Format line per invocation.</summary>
    public bool Metrics { get; init; }

    public static ClientSettings FromEnvironment() => new()
    {
        TimeToLive = Milliseconds("WARM_TTL_MS"),
        WarmUpAtStart = Flag("WARM_UP_AT_START"),
        ConnectDelay = Milliseconds("WARM_CONNECT_MS") ?? TimeSpan.FromMilliseconds(200),
        FailFirst = int.TryParse(Environment.GetEnvironmentVariable("WARM_FAIL_FIRST"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0,
        Metrics = Flag("WARM_METRICS"),
    };

    private static TimeSpan? Milliseconds(string name)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms >= 0
            ? TimeSpan.FromMilliseconds(ms)
            : null;

    private static bool Flag(string name) => Environment.GetEnvironmentVariable(name) is "1" or "true" or "True" or "TRUE";
}

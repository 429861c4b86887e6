using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Serialization;

/// <summary>
/// Converts a <see cref="DateTime"/> to and from a JSON number of seconds since the Unix epoch, with an optional
/// fraction (for example <c>1480641523.477</c>), as Kinesis and DynamoDB Streams send their timestamps.
/// </summary>
/// <remarks>
/// The number is read exactly (as a <see cref="decimal"/>), so a value survives a round trip without binary floating-point
/// error, to the 100 ns resolution of <see cref="DateTime"/>. Values read are <see cref="DateTimeKind.Utc"/>; when writing,
/// a <see cref="DateTimeKind.Local"/> value is converted to UTC and an <see cref="DateTimeKind.Unspecified"/> one is taken as UTC.
/// </remarks>
public sealed class EpochSecondsDateTimeConverter : JsonConverter<DateTime>
{
    private const decimal TicksPerSecond = TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a number of seconds since the Unix epoch but found {reader.TokenType}.");
        }

        if (!reader.TryGetDecimal(out var seconds))
        {
            throw new JsonException("The number of seconds since the Unix epoch is out of range.");
        }

        var ticks = seconds * TicksPerSecond;
        var min = (decimal)(DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks);
        var max = (decimal)(DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks);
        if (ticks < min || ticks > max)
        {
            throw new JsonException("The number of seconds since the Unix epoch is out of range.");
        }

        return DateTime.UnixEpoch.AddTicks((long)ticks);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var seconds = (utc.Ticks - DateTime.UnixEpoch.Ticks) / TicksPerSecond;
        writer.WriteNumberValue(seconds);
    }
}

using System.Text;
using LambdaKit.Events.KinesisFirehose;

namespace LambdaKit;

/// <summary>
/// What a <see cref="KinesisFirehoseRecordHandler"/> decided for one record: <see cref="Ok(string, IReadOnlyDictionary{string, string})"/> with the transformed
/// data, <see cref="Dropped"/>, or <see cref="ProcessingFailed"/>. The <see langword="default"/> value counts as
/// <see cref="ProcessingFailed"/>.
/// </summary>
public readonly struct KinesisFirehoseRecordResult : IEquatable<KinesisFirehoseRecordResult>
{
    private KinesisFirehoseRecordResult(string result, string? base64Data, IReadOnlyDictionary<string, string>? partitionKeys)
    {
        Result = result;
        Base64Data = base64Data;
        PartitionKeys = partitionKeys;
    }

    /// <summary>Gets the wire value: <c>Ok</c>, <c>Dropped</c> or <c>ProcessingFailed</c> (<see langword="null"/> for the default value).</summary>
    public string? Result { get; }

    /// <summary>Gets the transformed data in base64 for <c>Ok</c>; <see langword="null"/> to answer with the data as received.</summary>
    public string? Base64Data { get; }

    /// <summary>Gets the keys of dynamic partitioning, if any.</summary>
    public IReadOnlyDictionary<string, string>? PartitionKeys { get; }

    /// <summary>The record was dropped on purpose; it is answered with its data as received.</summary>
    public static KinesisFirehoseRecordResult Dropped { get; } = new(KinesisFirehoseResponse.TRANSFORMED_STATE_DROPPED, null, null);

    /// <summary>The record could not be transformed; it is answered with its data as received, and Firehose sends it to the error output.</summary>
    public static KinesisFirehoseRecordResult ProcessingFailed { get; } = new(KinesisFirehoseResponse.TRANSFORMED_STATE_PROCESSINGFAILED, null, null);

    /// <summary>The record was transformed into <paramref name="data"/> (encoded as UTF-8, then base64).</summary>
    /// <param name="data">The transformed data.</param>
    /// <param name="partitionKeys">The keys of dynamic partitioning, if the delivery stream uses it.</param>
    /// <returns>The result.</returns>
    public static KinesisFirehoseRecordResult Ok(string data, IReadOnlyDictionary<string, string>? partitionKeys = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(KinesisFirehoseResponse.TRANSFORMED_STATE_OK, Convert.ToBase64String(Encoding.UTF8.GetBytes(data)), partitionKeys);
    }

    /// <summary>The record was transformed into <paramref name="data"/> (encoded as base64).</summary>
    /// <param name="data">The transformed bytes.</param>
    /// <param name="partitionKeys">The keys of dynamic partitioning, if the delivery stream uses it.</param>
    /// <returns>The result.</returns>
    public static KinesisFirehoseRecordResult Ok(ReadOnlySpan<byte> data, IReadOnlyDictionary<string, string>? partitionKeys = null)
        => new(KinesisFirehoseResponse.TRANSFORMED_STATE_OK, Convert.ToBase64String(data), partitionKeys);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(KinesisFirehoseRecordResult left, KinesisFirehoseRecordResult right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(KinesisFirehoseRecordResult left, KinesisFirehoseRecordResult right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(KinesisFirehoseRecordResult other)
        => Result == other.Result && Base64Data == other.Base64Data && ReferenceEquals(PartitionKeys, other.PartitionKeys);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KinesisFirehoseRecordResult other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Result, Base64Data);

    /// <inheritdoc />
    public override string ToString() => Result ?? KinesisFirehoseResponse.TRANSFORMED_STATE_PROCESSINGFAILED;
}

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaKit.Serialization;

/// <summary>Source-generated JSON in and out of the pipeline: no reflection, no intermediate strings.</summary>
internal static class LambdaJson
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// Reads an event; a JSON error becomes an <see cref="EventDeserializationException"/>, and so does a JSON <c>null</c>
    /// unless <typeparamref name="T"/> is a <see cref="Nullable{T}"/> (a handler's event parameter is never null). A leading
    /// UTF-8 byte order mark is skipped, as the event-source detector skips it, so that a payload is accepted or refused the
    /// same way by both.
    /// </summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo)
    {
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException exception)
        {
            throw new EventDeserializationException(typeof(T), exception);
        }

        if (value is null && Nullable.GetUnderlyingType(typeof(T)) is null)
        {
            throw new EventDeserializationException(
                $"The event is JSON null, but the handler expects {EventDeserializationException.Describe(typeof(T))}: send a JSON value of that type.");
        }

        return value!;
    }

    /// <summary>
    /// Runs the reader and the writer of <paramref name="typeInfo"/> once, so that their code is compiled (SnapStart
    /// priming): reads <c>{}</c>, writes what it read, reads that back. Nothing is thrown: a type that cannot be read from
    /// <c>{}</c> (a primitive, a required member) is primed as far as it goes.
    /// </summary>
    public static void Prime<T>(JsonTypeInfo<T> typeInfo)
    {
        using var output = new PooledBufferWriter(256);
        try
        {
            var value = Deserialize("{}"u8, typeInfo);
            Serialize(output, value, typeInfo);
            Deserialize(output.WrittenSpan, typeInfo);
        }
#pragma warning disable CA1031 // Priming is best effort: whatever it could not run is compiled at the first invocation.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>Writes a value straight into the output buffer with a cached writer.</summary>
    public static void Serialize<T>(IBufferWriter<byte> output, T value, JsonTypeInfo<T> typeInfo)
    {
        var writer = t_writer;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
            t_writer = writer;
        }
        else
        {
            writer.Reset(output);
        }

        try
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
            writer.Flush();
        }
        finally
        {
            writer.Reset(NullBufferWriter.Instance);
        }
    }

    private sealed class NullBufferWriter : IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count)
        {
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => Array.Empty<byte>();

        public Span<byte> GetSpan(int sizeHint = 0) => [];
    }
}

using System.Text;
using LambdaKit.Serialization;

namespace LambdaKit.Tests.Serialization;

/// <summary>The one pooled buffer writer: responses, HTTP bodies and log lines are written through it.</summary>
public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Grows_past_its_first_array_and_keeps_what_was_written()
    {
        using var writer = new PooledBufferWriter(16, 1024);
        var first = writer.Capacity;

        for (var i = 0; i < 100; i++)
        {
            writer.Write((byte)i);
        }

        Assert.True(writer.Capacity > first);
        Assert.Equal(100, writer.WrittenCount);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (byte)i).ToArray(), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void Reset_forgets_what_was_written_and_keeps_an_array_no_larger_than_asked()
    {
        using var writer = new PooledBufferWriter(16, 1024);
        writer.Write(new byte[512]);
        var grown = writer.Capacity;

        writer.Reset();

        Assert.Equal(0, writer.WrittenCount);
        Assert.Equal(grown, writer.Capacity);
    }

    [Fact]
    public void Reset_gives_back_an_array_larger_than_asked_and_starts_again_small()
    {
        using var writer = new PooledBufferWriter(16, 1024);
        writer.Write(new byte[4096]);
        Assert.True(writer.Capacity >= 4096);

        writer.Reset();

        Assert.Equal(0, writer.WrittenCount);
        Assert.True(writer.Capacity < 4096, $"kept {writer.Capacity} bytes");
    }

    [Fact]
    public void WriteUtf8_appends_the_encoded_text_and_returns_exactly_those_bytes()
    {
        using var writer = new PooledBufferWriter(16, 1024);
        writer.Write("a:"u8);

        var written = writer.WriteUtf8("é\nz");
        written.Replace((byte)'\n', (byte)'\r');

        Assert.Equal(4, written.Length);
        Assert.Equal("a:é\rz", Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void WriteUtf8_of_a_long_text_counts_its_bytes()
    {
        using var writer = new PooledBufferWriter(16, 1024 * 1024);
        var text = new string('ü', 5000);

        writer.WriteUtf8(text);

        Assert.Equal(10_000, writer.WrittenCount);
        Assert.Equal(text, Encoding.UTF8.GetString(writer.WrittenSpan));
    }

    [Fact]
    public void Advance_past_the_end_of_the_buffer_throws()
    {
        using var writer = new PooledBufferWriter(16, 1024);
        var free = writer.GetSpan(8).Length;

        Assert.Throws<InvalidOperationException>(() => writer.Advance(free + 1));
    }
}

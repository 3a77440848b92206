using System.Text;
using Jobbtorg.Features.Import;

namespace Jobbtorg.Tests.Import;

public class SpooledLinesTests
{
    /// <summary>A stream of <paramref name="length"/> bytes of 'x' and then a tail, made up as it is read: the test itself
    /// never holds the long line either.</summary>
    private sealed class LongLineStream(long length, byte[] tail) : Stream
    {
        private long position;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var total = length + tail.Length;
            var n = (int)Math.Min(buffer.Length, total - position);
            for (var i = 0; i < n; i++, position++)
                buffer[i] = position < length ? (byte)'x' : tail[position - length];
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static List<SpooledLine> ReadAll(Stream stream, int maxLineBytes, List<string>? texts = null)
    {
        var reader = new SpooledLines(stream, maxLineBytes);
        var lines = new List<SpooledLine>();
        // The stream answers at once, so the reading runs to its end on this thread.
        while (reader.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } line)
        {
            lines.Add(line);
            texts?.Add(Encoding.UTF8.GetString(line.Bytes.Span));
        }
        return lines;
    }

    [Fact]
    public void A_line_of_a_hundred_megabytes_is_skipped_as_too_long_without_being_held_in_memory()
    {
        var stream = new LongLineStream(100_000_000, "\n{\"type\":\"resume\"}\n"u8.ToArray());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var texts = new List<string>();
        var lines = ReadAll(stream, 10_000, texts);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal([(1L, true), (2L, false)], lines.Select(l => (l.Number, l.TooLong)));
        Assert.Equal("{\"type\":\"resume\"}", texts[1]);
        Assert.True(allocated < 1_000_000, $"Reading allocated {allocated:N0} bytes for a 100 MB line.");
    }

    [Fact]
    public void Lines_end_with_a_line_break_or_a_carriage_return_and_line_break_and_the_byte_order_mark_is_left_out()
    {
        var texts = new List<string>();
        var lines = ReadAll(new MemoryStream([.. Encoding.UTF8.Preamble, .. "first\r\nsecond\n\nlast"u8]), 100, texts);
        Assert.Equal(["first", "second", "", "last"], texts);
        Assert.Equal([1L, 2, 3, 4], lines.Select(l => l.Number));
    }

    [Fact]
    public void A_line_of_exactly_the_limit_is_accepted_and_one_byte_more_is_too_long()
    {
        var limit = 70_000; // more than the reader's buffer holds by default
        var exact = new string('a', limit);
        var longer = new string('b', limit + 1);
        var lines = ReadAll(new MemoryStream(Encoding.ASCII.GetBytes($"{exact}\r\n{longer}\r\n{exact}")), limit);
        Assert.Equal([false, true, false], lines.Select(l => l.TooLong));
        Assert.Equal(limit, lines[2].Bytes.Length);
    }

    [Fact]
    public void The_first_byte_that_is_not_utf8_is_found()
    {
        Assert.Null(SpooledLines.FirstInvalidUtf8("{\"caseRef\":\"Åsa\"}"u8));
        Assert.Equal(12, SpooledLines.FirstInvalidUtf8([.. "{\"caseRef\":\""u8, 0xFF, 0xFE, .. "\"}"u8]));
        Assert.Equal(1, SpooledLines.FirstInvalidUtf8([(byte)'a', 0xED, 0xA0, 0x80])); // a surrogate written as UTF-8
    }
}

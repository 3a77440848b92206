using System.Diagnostics;
using System.Text;

namespace Jobbtorg.Features.Import;

/// <summary>A line of a spooled stream: its number, its UTF-8 bytes without the line break (valid until the next line
/// is read), or that it was longer than the limit (then its bytes were skipped, never held).</summary>
internal readonly record struct SpooledLine(long Number, ReadOnlyMemory<byte> Bytes, bool TooLong);

/// <summary>
/// Reads a stream line by line as bytes through one fixed buffer: memory stays flat however long a line is, because a
/// line longer than <c>maxLineBytes</c> is skipped up to its line break instead of being collected. A byte-order mark
/// at the start is left out; a line may end with \n or \r\n.
/// </summary>
internal sealed class SpooledLines(Stream stream, int maxLineBytes)
{
    private readonly byte[] buffer = new byte[Math.Max(maxLineBytes + 2, 1 << 16)];
    private int start, end;
    private bool endOfStream, started;
    private long number;

    public async ValueTask<SpooledLine?> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                var line = Line(start, newline);
                start = newline + 1;
                if (line.Length > maxLineBytes) return new SpooledLine(++number, default, TooLong: true);
                return new SpooledLine(++number, line, TooLong: false);
            }
            // A line of the maximum length may still be waiting for the \n after its \r.
            if (end - start > maxLineBytes + 1)
            {
                // Too long already: drop what is held and what follows, up to the line break.
                start = end = 0;
                await SkipToLineBreakAsync(ct);
                return new SpooledLine(++number, default, TooLong: true);
            }
            if (endOfStream)
            {
                if (end == start) return null;
                var last = Line(start, end);
                start = end;
                return last.Length > maxLineBytes ? new SpooledLine(++number, default, TooLong: true) : new SpooledLine(++number, last, TooLong: false);
            }
            await FillAsync(ct);
        }
    }

    private ReadOnlyMemory<byte> Line(int from, int to)
    {
        if (to > from && buffer[to - 1] == '\r') to--;
        return buffer.AsMemory(from, to - from);
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        var read = await stream.ReadAsync(buffer.AsMemory(end), ct);
        if (read == 0) endOfStream = true;
        end += read;
        if (!started)
        {
            // The first read of the file holds its first bytes: a byte-order mark there is not part of the first line.
            started = true;
            if (end >= 3 && buffer.AsSpan(0, 3).SequenceEqual(Encoding.UTF8.Preamble)) start = 3;
        }
    }

    private async ValueTask SkipToLineBreakAsync(CancellationToken ct)
    {
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, buffer.Length), ct);
            if (read == 0)
            {
                endOfStream = true;
                return;
            }
            var newline = Array.IndexOf(buffer, (byte)'\n', 0, read);
            if (newline >= 0)
            {
                // Keep what follows the line break: it is the next line.
                start = newline + 1;
                end = read;
                return;
            }
        }
    }

    /// <summary>The offset of the first byte that is not valid UTF-8; null when the line is valid.</summary>
    public static int? FirstInvalidUtf8(ReadOnlySpan<byte> line)
    {
        if (System.Text.Unicode.Utf8.IsValid(line)) return null;
        var offset = 0;
        while (offset < line.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(line[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) return offset;
            offset += consumed;
        }
        Debug.Fail("Utf8.IsValid and Rune.DecodeFromUtf8 disagree.");
        return 0;
    }
}

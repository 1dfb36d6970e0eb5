using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Copies a chunked upstream body to the client as plain data (Kestrel frames it again for the downstream protocol),
/// and its trailers to the response trailers where the downstream protocol carries them (HTTP/2), as the YARP path
/// does. Chunk extensions are ignored. Flushes only before it has to wait for the upstream, so a body that arrived
/// whole is written in one go.
/// </summary>
internal sealed class Http1ChunkedReader(Http1Connection connection, PipeWriter writer, HttpResponse response)
{
    private const int MaxLineBytes = 4096;
    private const int MaxTrailerBytes = 64 * 1024;
    private bool _unflushed;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask Copy(CancellationToken token)
    {
        while (true)
        {
            var line = await Line(token);
            var size = ChunkSize(line);
            if (size == 0) break;
            await CopyChunk(size, token);
            var end = await Line(token);
            if (end.Length != 0) throw new Http1ProtocolException("malformed chunk end");
        }
        var trailerBytes = 0;
        while (true)
        {
            var line = await Line(token);
            if (line.Length == 0) return;
            trailerBytes += line.Length;
            if (trailerBytes > MaxTrailerBytes) throw new Http1ProtocolException("upstream trailers over 64 KiB");
            AddTrailer(line.Span);
        }
    }

    private void AddTrailer(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0) throw new Http1ProtocolException("malformed upstream trailer");
        if (!response.SupportsTrailers()) return;
        var name = Encoding.Latin1.GetString(line[..colon]);
        if (HopByHop.Contains(name)) return;
        response.AppendTrailer(name, Encoding.Latin1.GetString(line[(colon + 1)..].Trim(" \t"u8)));
    }

    private static long ChunkSize(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        var semicolon = span.IndexOf((byte)';');
        if (semicolon >= 0) span = span[..semicolon];
        span = span.Trim(" \t"u8);
        if (span.Length == 0 || span.Length > 15
            || !long.TryParse(Encoding.ASCII.GetString(span), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
            throw new Http1ProtocolException("malformed chunk size");
        return size;
    }

    /// <summary>The next line (without its CR LF) as a view of the connection's buffer, valid until the next read.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadOnlyMemory<byte>> Line(CancellationToken token)
    {
        while (true)
        {
            var buffered = connection.Buffer.AsMemory(connection.Start, connection.Buffered);
            var eol = buffered.Span.IndexOf((byte)'\n');
            if (eol >= 0)
            {
                connection.Start += eol + 1;
                var line = buffered[..eol];
                return line.Length > 0 && line.Span[^1] == '\r' ? line[..^1] : line;
            }
            if (buffered.Length > MaxLineBytes) throw new Http1ProtocolException("chunk line too long");
            await Fill(token);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask CopyChunk(long remaining, CancellationToken token)
    {
        while (true)
        {
            var take = (int)Math.Min(remaining, connection.Buffered);
            if (take > 0)
            {
                writer.Write(connection.Buffer.AsSpan(connection.Start, take));
                connection.Start += take;
                remaining -= take;
                _unflushed = true;
            }
            if (remaining == 0) return;
            await Fill(token);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask Fill(CancellationToken token)
    {
        await Flush(token);
        if (!await connection.FillAsync(token)) throw new Http1ProtocolException("upstream closed inside a chunked body");
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask Flush(CancellationToken token)
    {
        if (!_unflushed) return;
        _unflushed = false;
        if ((await writer.FlushAsync(token)).IsCompleted) throw new OperationCanceledException("the client went away");
    }
}

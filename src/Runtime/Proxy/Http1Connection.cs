using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// One upstream HTTP/1.1 connection of <see cref="Http1Pool"/>: the stream (plain socket or TLS), a read buffer that
/// lives as long as the connection (so a request allocates none), and the bytes read but not yet consumed.
/// </summary>
internal sealed class Http1Connection(Socket? socket, Stream stream) : IDisposable
{
    /// <summary>Large enough for a typical response head and a 16 KiB body read; a bigger head grows it up to <see cref="MaxHeadBytes"/>.</summary>
    public const int BufferBytes = 16 * 1024;

    /// <summary>Envoy's HTTP/1 codec limit for a response head (80 KiB, fixed); the YARP path sets the same.</summary>
    public const int MaxHeadBytes = 80 * 1024;

    public Stream Stream { get; } = stream;

    public byte[] Buffer { get; private set; } = new byte[BufferBytes];

    /// <summary>The response header values this connection read last, reused when the next answer repeats them.</summary>
    public Http1HeaderValues Values { get; } = new();

    /// <summary>Unconsumed bytes are <c>Buffer[Start..End]</c>.</summary>
    public int Start { get; set; }

    public int End { get; set; }

    public int Buffered => End - Start;

    /// <summary>Whether the connection served a request before (a failure on it before any answer may be a stale keep-alive).</summary>
    public bool Reused { get; set; }

    /// <summary><see cref="Environment.TickCount64"/> when it went back to the pool.</summary>
    public long IdleSince { get; set; }

    /// <summary>
    /// Whether an idle pooled connection can still be used: nothing has arrived and the peer has not closed it (a
    /// readable idle socket means either). A TLS connection has no socket here and is trusted; a stale one is caught
    /// by the retry on a fresh connection.
    /// </summary>
    public bool LooksAlive()
    {
        if (socket is null) return true;
        try
        {
            return !socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Reads more bytes after <see cref="End"/>; false when the peer closed. Moves or grows the buffer when it is full.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> FillAsync(CancellationToken token)
    {
        if (End == Buffer.Length)
        {
            if (Start > 0)
            {
                Buffer.AsSpan(Start, Buffered).CopyTo(Buffer);
            }
            else
            {
                // Only an unfinished head fills the whole buffer from its start: bodies are consumed as they arrive.
                if (Buffer.Length >= MaxHeadBytes) throw new Http1HeadLimitException("upstream response head over 80 KiB");
                var bigger = new byte[Math.Min(Buffer.Length * 2, MaxHeadBytes)];
                Buffer.AsSpan(Start, Buffered).CopyTo(bigger);
                Buffer = bigger;
            }
            End = Buffered;
            Start = 0;
        }
        else if (Start == End)
        {
            Start = End = 0;
        }
        var read = await Stream.ReadAsync(Buffer.AsMemory(End), token);
        End += read;
        return read > 0;
    }

    public void Dispose() => Stream.Dispose();
}

/// <summary>An upstream answer that is not HTTP/1.1 as this client reads it: the attempt fails as a reset.</summary>
internal sealed class Http1ProtocolException(string message) : IOException(message);

/// <summary>
/// An upstream response head over Envoy's codec limits (size or header count): a protocol error, answered 502 and
/// counted as <c>upstream_cx_protocol_error</c>, as on the YARP path.
/// </summary>
internal sealed class Http1HeadLimitException(string message) : IOException(message);

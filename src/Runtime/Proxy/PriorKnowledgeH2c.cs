using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Serves HTTP/1.1 and HTTP/2 with prior knowledge (h2c) on one cleartext socket, as Envoy's codec auto-detection does.
/// Kestrel alone cannot: with <c>Http1AndHttp2</c> on cleartext it answers the HTTP/2 preface with HTTP_1_1_REQUIRED.
/// So each public socket is HTTP/1.1 with a connection middleware that peeks at the first bytes; a connection that
/// opens with the 24-byte preface is handed to the HTTP/2 pipeline of one internal loopback endpoint, whose own socket
/// refuses every connection that arrives on it directly.
/// </summary>
public sealed class PriorKnowledgeH2c
{
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    /// <summary>
    /// How long a new connection may stay silent. Kestrel's own timeouts start only once a codec runs, so without this a
    /// client that connects and sends nothing would hold the connection forever; 30 s is Kestrel's request-headers timeout.
    /// </summary>
    public TimeSpan FirstBytesTimeout { get; init; } = TimeSpan.FromSeconds(30);

    private ConnectionDelegate? _http2;

    /// <summary>Adds the internal HTTP/2 endpoint (loopback, ephemeral port) whose pipeline serves detected h2c connections.</summary>
    public void ListenInternal(KestrelServerOptions kestrel) => kestrel.Listen(IPAddress.Loopback, 0, lo =>
    {
        lo.Protocols = HttpProtocols.Http2;
        lo.Use(next =>
        {
            _http2 = next;
            return connection =>
            {
                connection.Abort();
                return Task.CompletedTask;
            };
        });
    });

    /// <summary>Makes a public socket serve both protocols: HTTP/1.1 by default, HTTP/2 when the preface arrives.</summary>
    public void Serve(ListenOptions socket)
    {
        socket.Protocols = HttpProtocols.Http1;
        socket.Use(http1 => async connection =>
        {
            var http2 = await StartsWithPreface(connection, FirstBytesTimeout);
            if (http2 is null)
            {
                connection.Abort();
                return;
            }
            await (http2.Value && _http2 is not null ? _http2(connection) : http1(connection));
        });
    }

    /// <summary>
    /// Reads until the first bytes either match the preface (true) or diverge from it (false); null when the client
    /// closed or stayed silent too long. Only the bytes needed for the decision are marked examined, so the chosen codec reads them again
    /// at once and waits for more only where the decision did too.
    /// </summary>
    private static async Task<bool?> StartsWithPreface(ConnectionContext connection, TimeSpan timeout)
    {
        var input = connection.Transport.Input;
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        silence.CancelAfter(timeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(silence.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            var buffer = result.Buffer;
            var (decided, matches, examined) = Compare(buffer);
            if (decided)
            {
                input.AdvanceTo(buffer.Start, buffer.GetPosition(examined));
                return matches;
            }
            input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted || result.IsCanceled) return null;
        }
    }

    /// <summary>Compares the buffered bytes with the preface: decided once they differ or the whole preface is there.</summary>
    internal static (bool Decided, bool Matches, long Examined) Compare(ReadOnlySequence<byte> buffer)
    {
        var length = (int)Math.Min(buffer.Length, Preface.Length);
        Span<byte> head = stackalloc byte[Preface.Length];
        buffer.Slice(0, length).CopyTo(head);
        for (var i = 0; i < length; i++)
            if (head[i] != Preface[i]) return (true, false, i + 1);
        return length == Preface.Length ? (true, true, length) : (false, false, length);
    }
}

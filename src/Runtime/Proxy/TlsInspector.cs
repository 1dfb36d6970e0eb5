using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Meshc.Runtime.Model;
using Microsoft.AspNetCore.Connections;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The runtime's tls_inspector: a connection middleware that looks at the first bytes of every connection on a
/// listener socket. Plaintext goes on to the HTTP pipeline (the raw_buffer chain); a TLS ClientHello is read whole —
/// server name and ALPN, nothing terminated — and handed to the filter chain it selects (<see cref="FilterChainSelector"/>):
/// a terminating chain (<see cref="TlsTerminator"/>) or a passthrough chain (<see cref="TcpPassthrough"/>). A connection
/// no chain takes is closed, counted as <c>listener.&lt;address&gt;.no_filter_chain_match</c>.
/// </summary>
internal sealed class TlsInspector(SnapshotHolder holder, ProxyStats stats, TimeSpan firstBytesTimeout)
{
    private readonly TlsTerminator _terminator = new(holder, stats);
    private readonly TcpPassthrough _passthrough = new(holder, stats);

    /// <summary>Serves one connection; <paramref name="gatewayPort"/> is the Gateway port the socket stands for (null: not one port), for <c>destination_port</c>.</summary>
    public async Task Handle(ConnectionContext connection, ConnectionDelegate next, int? gatewayPort)
    {
        var snapshot = holder.Now;
        var local = connection.LocalEndPoint as IPEndPoint;
        var name = snapshot.Sockets.ListenerFor(local?.Address, local?.Port ?? 0);
        var listener = snapshot.Snapshot.Listeners.FirstOrDefault(l => l.Name == name);
        if (listener is null || listener.TlsChains.Count == 0)
        {
            await next(connection);
            return;
        }
        var scope = $"listener.{local?.Address}_{local?.Port}";
        var (hello, consumed) = await ReadClientHello(connection);
        if (consumed is null)
        {
            // Silent, closed, or plaintext on a listener that serves only TLS: Envoy finds no chain either.
            if (hello is null && listener.HasPlaintext)
            {
                await next(connection);
                return;
            }
            stats.Increment(scope + ".no_filter_chain_match");
            connection.Abort();
            return;
        }
        switch (FilterChainSelector.Select(listener.TlsChains, gatewayPort, hello!.ServerName))
        {
            case TerminatingChainModel terminating:
                await _terminator.Serve(connection, consumed, hello, terminating, scope, next);
                return;
            case PassthroughChainModel passthrough:
                await _passthrough.Serve(connection, consumed, passthrough);
                return;
            case null:
                stats.Increment(scope + ".no_filter_chain_match");
                connection.Abort();
                return;
            default:
                throw new InvalidOperationException("unknown TLS chain kind");
        }
    }

    /// <summary>
    /// Reads until a whole ClientHello is buffered, then consumes it (its bytes are returned to be replayed). Returns
    /// (null, null) when the bytes are not TLS — nothing is consumed, so the HTTP codec reads them — and (hello-less)
    /// nulls with an aborted read when the client is silent for too long or closes.
    /// </summary>
    private async Task<(ClientHello? Hello, byte[]? Consumed)> ReadClientHello(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        silence.CancelAfter(firstBytesTimeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(silence.Token);
            }
            catch (OperationCanceledException)
            {
                return (new ClientHello(null, []), null);
            }
            var buffer = result.Buffer;
            if (buffer.Length > 0 && !ClientHello.LooksLikeTls(buffer.FirstSpan[0]))
            {
                // Only the first byte decided it: the HTTP codec reads everything again at once.
                input.AdvanceTo(buffer.Start, buffer.GetPosition(1));
                return (null, null);
            }
            ClientHello? hello = null;
            var status = buffer.Length == 0 ? ClientHello.Status.NeedMore : ClientHello.TryParse(buffer, out hello);
            if (status == ClientHello.Status.Parsed)
            {
                // Everything received so far is replayed to the TLS server or the backend; the pipe gives the rest.
                var bytes = buffer.ToArray();
                input.AdvanceTo(buffer.End);
                return (hello, bytes);
            }
            if (status == ClientHello.Status.NotTls || buffer.Length > ClientHello.MaxBytes || result.IsCompleted || result.IsCanceled)
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                return (new ClientHello(null, []), null);
            }
            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}

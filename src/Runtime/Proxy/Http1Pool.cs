using System.Net;
using System.Net.Sockets;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The idle keep-alive connections to one upstream host (of one TLS setting): last in, first out, so the warmest
/// connection is reused and the cold ones age out. A connection idle for <see cref="IdleTimeout"/> is closed (the same
/// 60 s as the SocketsHttpHandler path), when it is next looked at or by the sweep of <see cref="Http1Pools"/>.
/// </summary>
internal sealed class Http1Pool(EndpointModel endpoint, UpstreamTlsConnector? tls)
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    private readonly Stack<Http1Connection> _idle = new();
    private readonly Lock _gate = new();
    private readonly EndPoint _address = IPAddress.TryParse(endpoint.Address, out var ip)
        ? new IPEndPoint(ip, endpoint.Port)
        : new DnsEndPoint(endpoint.Address, endpoint.Port);

    /// <summary>An idle connection that still looks usable, or null.</summary>
    public Http1Connection? Rent()
    {
        var now = Environment.TickCount64;
        while (true)
        {
            Http1Connection? connection;
            lock (_gate)
            {
                if (!_idle.TryPop(out connection)) return null;
            }
            if (now - connection.IdleSince < IdleTimeout.TotalMilliseconds && connection.LooksAlive()) return connection;
            connection.Dispose();
        }
    }

    /// <summary>Puts a connection whose last exchange ended cleanly (nothing left unread) back for reuse.</summary>
    public void Return(Http1Connection connection)
    {
        connection.Reused = true;
        connection.IdleSince = Environment.TickCount64;
        connection.Start = connection.End = 0;
        lock (_gate) _idle.Push(connection);
    }

    /// <summary>
    /// A new connection within <paramref name="connectTimeout"/>. Throws <see cref="Http1ConnectException"/> when the
    /// host cannot be reached (refused, timed out, TLS handshake or verification failed); a cancelled
    /// <paramref name="token"/> surfaces as <see cref="OperationCanceledException"/>.
    /// </summary>
    public async ValueTask<Http1Connection> Connect(TimeSpan connectTimeout, CancellationToken token)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(token);
        timer.CancelAfter(connectTimeout);
        try
        {
            if (tls is not null) return new Http1Connection(null, await tls.ConnectAsync(_address, http2: false, timer.Token));
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(_address, timer.Token);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            return new Http1Connection(socket, new NetworkStream(socket, ownsSocket: true));
        }
        catch (Exception e) when (!token.IsCancellationRequested && e is not Http1ConnectException)
        {
            throw new Http1ConnectException(e);
        }
    }

    /// <summary>Closes the connections idle for longer than <see cref="IdleTimeout"/>.</summary>
    public void Sweep()
    {
        var now = Environment.TickCount64;
        List<Http1Connection> stale = [];
        lock (_gate)
        {
            if (_idle.Count == 0) return;
            var all = _idle.ToArray();
            _idle.Clear();
            // ToArray lists the top first; pushing back in reverse keeps the order.
            for (var i = all.Length - 1; i >= 0; i--)
            {
                if (now - all[i].IdleSince >= IdleTimeout.TotalMilliseconds) stale.Add(all[i]);
                else _idle.Push(all[i]);
            }
        }
        foreach (var connection in stale) connection.Dispose();
    }

    /// <summary>Closes every idle connection (the pool is no longer used).</summary>
    public void Clear()
    {
        Http1Connection[] all;
        lock (_gate)
        {
            all = _idle.ToArray();
            _idle.Clear();
        }
        foreach (var connection in all) connection.Dispose();
    }
}

/// <summary>The upstream host could not be reached: a connect failure, as Envoy counts it.</summary>
internal sealed class Http1ConnectException(Exception inner) : IOException("upstream connect failed: " + inner.Message, inner);

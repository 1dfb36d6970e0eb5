using System.Net;
using Meshc.Runtime.Model;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The running proxy: the listeners' sockets (HTTP/1.1 and h2c), each on its own Kestrel server so a reload can open
/// and close them one by one, and a core server with the internal HTTP/2 endpoint and, when asked, the admin port. The
/// sockets follow <see cref="WantedSocket.Of"/>, at start and on every <see cref="Apply"/>. Requests are mapped to their
/// listener by the local address and port they arrived on, through the socket map published with the snapshot.
/// </summary>
public sealed class ProxyHost : IAsyncDisposable
{
    /// <summary>How long a socket a reload closes may finish the requests in flight on it (Envoy drains for longer; a bound keeps reloads prompt).</summary>
    public static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    private readonly WebApplication _core;
    private readonly ProxyOptions _options;
    private readonly PriorKnowledgeH2c _h2c = new();
    private readonly ProxyHandler _handler;
    private readonly TlsInspector _tls;
    private readonly Lock _gate = new();
    private Dictionary<(IPAddress, int, string?), (ServedSocket Socket, WantedSocket Serves)> _open = [];
    private readonly Dictionary<ServedSocket, (string Listener, Task Closing)> _draining = [];
    private ListenOptions? _adminSocket;
    private bool _coreStarted;
    private bool _disposed;

    private ProxyHost(RuntimeSnapshot snapshot, ProxyOptions options)
    {
        _options = options;
        Holder = new SnapshotHolder(snapshot, Stats);
        if (options.HoldUntilPolicyLoaded) Holder.Policy.HoldUntilLoaded();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddHttpForwarder();
        builder.WebHost.UseSockets(KestrelSettings.Transport).ConfigureKestrel(k =>
        {
            KestrelSettings.Apply(k);
            _h2c.ListenInternal(k);
            if (options.AdminPort is { } admin)
                k.Listen(options.Bind, options.EphemeralPorts ? 0 : admin, lo =>
                {
                    _adminSocket = lo;
                    // The admin API is for connections accepted on this socket only, never for one that merely has its
                    // port number (a listener socket on another address, or a connection handed over to the core).
                    lo.Use(next => connection =>
                    {
                        connection.Items[AdminConnection] = AdminConnection;
                        return next(connection);
                    });
                });
        });
        _core = builder.Build();
        _handler = new ProxyHandler(Holder, Stats, _core.Services.GetRequiredService<IHttpForwarder>(), options.UpstreamClient);
        _tls = new TlsInspector(Holder, Stats, _h2c.FirstBytesTimeout);
        var admin = options.Admin?.Invoke(Holder, Stats);
        // The core serves the admin port and the HTTP/2 connections the listener sockets hand over.
        _core.Run(ctx => IsAdmin(ctx) ? admin?.Invoke(ctx) ?? NoAdmin(ctx) : _handler.Handle(ctx));
    }

    private static readonly object AdminConnection = new();

    private static Task NoAdmin(HttpContext ctx)
    {
        ctx.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public SnapshotHolder Holder { get; }

    private static bool IsAdmin(HttpContext ctx) =>
        ctx.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(AdminConnection) == true;

    public ProxyStats Stats { get; } = new();

    /// <summary>The bound port of each listener, by listener name (its first socket's).</summary>
    public IReadOnlyDictionary<string, int> ListenerPorts => Sockets.GroupBy(s => s.Listener).ToDictionary(g => g.Key, g => g.First().EndPoint.Port);

    /// <summary>Every listener socket as bound now, with the Gateway or Service it stands for, in the order the snapshot asks for them.</summary>
    public IReadOnlyList<ListenerSocket> Sockets
    {
        get
        {
            lock (_gate) return [.. _open.Values.Select(o => new ListenerSocket(o.Serves.Listener, o.Serves.Binding, o.Socket.EndPoint))];
        }
    }

    public int? AdminPort => _adminSocket?.IPEndPoint?.Port;

    /// <summary>Completes when every socket a reload closed has drained and stopped.</summary>
    public Task Drained
    {
        get
        {
            lock (_gate) return Task.WhenAll(_draining.Values.Select(d => d.Closing));
        }
    }

    /// <summary>Starts the core and every socket <paramref name="snapshot"/> asks for; a socket that cannot be bound fails the start.</summary>
    public static async Task<ProxyHost> StartAsync(RuntimeSnapshot snapshot, ProxyOptions options)
    {
        var host = new ProxyHost(snapshot, options);
        var published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await host._core.StartAsync();
            host._coreStarted = true;
            foreach (var wanted in WantedSocket.Of(snapshot, options))
                host._open[wanted.Key(options)] = (await host.OpenAsync(wanted, published.Task), wanted);
            lock (host._gate) host.Holder.Swap(snapshot, host.MapOf(host._open));
        }
        catch
        {
            // A socket that cannot be bound (address in use, address missing) fails the start; release what was built.
            await host.DisposeAsync();
            throw;
        }
        finally
        {
            published.TrySetResult();
        }
        return host;
    }

    /// <summary>
    /// Serves <paramref name="next"/> from now on: opens the sockets it asks for that are not open, swaps the snapshot
    /// and the socket map in together, then closes the sockets it no longer asks for once their requests in flight
    /// finish (at most <see cref="Drain"/>). A socket that is kept keeps its connections. A socket that cannot be bound
    /// is left out, with a line saying why; the rest of the reload applies and the next reload tries it again.
    /// Returns one line per change.
    /// </summary>
    public IReadOnlyList<string> Apply(RuntimeSnapshot next)
    {
        lock (_gate)
        {
            // A reload racing the shutdown must not open sockets nobody will close.
            if (_disposed) return [];
            var lines = new List<string>();
            var open = new Dictionary<(IPAddress, int, string?), (ServedSocket Socket, WantedSocket Serves)>();
            var unserved = new List<string>();
            var published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                foreach (var wanted in WantedSocket.Of(next, _options))
                {
                    var key = wanted.Key(_options);
                    if (_open.TryGetValue(key, out var kept))
                    {
                        open[key] = (kept.Socket, wanted);
                        if (kept.Serves.Listener != wanted.Listener || kept.Serves.Binding?.Display != wanted.Binding?.Display)
                            lines.Add(Bound(open[key]).Line("now on"));
                        continue;
                    }
                    try
                    {
                        // Blocking here keeps the reload one step: it is already off the request path, under its lock.
                        open[key] = (OpenAsync(wanted, published.Task).GetAwaiter().GetResult(), wanted);
                        lines.Add(Bound(open[key]).Line("now on"));
                    }
                    catch (Exception e)
                    {
                        // Any failure to open one socket (address in use or missing, permission) must not stop the rest.
                        unserved.Add($"{wanted.Describe(_options)}: {e.Message}");
                        lines.Add($"{wanted.Describe(_options)} is in the bundle but cannot be served: {e.Message} (tried again at the next reload)");
                    }
                }
                var closed = _open.Where(o => !open.ContainsKey(o.Key)).Select(o => o.Value).ToList();
                _open = open;
                // Sockets still draining stay in the map, so a request in flight on one still finds its listener.
                foreach (var (socket, serves) in closed) _draining[socket] = (serves.Listener, Task.CompletedTask);
                Holder.Swap(next, MapOf(open));
                Holder.UnservedSockets = unserved;
                lines.AddRange(next.ListenerErrorLines);
                foreach (var gone in closed)
                {
                    lines.Add($"{Bound(gone).Line()} closed");
                    var closing = CloseAsync(gone);
                    if (closing.IsCompleted) _draining.Remove(gone.Socket);
                    else _draining[gone.Socket] = (gone.Serves.Listener, closing);
                }
                return lines;
            }
            finally
            {
                published.TrySetResult();
            }
        }
    }

    private async Task CloseAsync((ServedSocket Socket, WantedSocket Serves) gone)
    {
        try
        {
            await gone.Socket.StopAsync(Drain);
        }
        finally
        {
            lock (_gate) _draining.Remove(gone.Socket);
        }
    }

    /// <summary>
    /// Opens one socket. Its connections wait for <paramref name="published"/> (the swap that adds it to the socket map),
    /// then pass the policy of the listener the map names, then the TLS inspector (TLS chains: terminate or pass
    /// through), then the h2c detector.
    /// </summary>
    private Task<ServedSocket> OpenAsync(WantedSocket wanted, Task published) =>
        ServedSocket.StartAsync(new IPEndPoint(wanted.Address, wanted.BindPort(_options)), lo =>
        {
            // Policy first: the h2c detector hands HTTP/2 connections to another pipeline, past later middleware.
            lo.Use(next => async connection =>
            {
                if (!published.IsCompleted) await published;
                var local = connection.LocalEndPoint as IPEndPoint;
                var listener = Holder.Now.Sockets.ListenerFor(local?.Address, local?.Port ?? 0) ?? wanted.Listener;
                await Holder.Policy.Connections(listener)(next)(connection);
            });
            int? gatewayPort = wanted.Binding is null ? null : wanted.Port;
            lo.Use(next => connection => _tls.Handle(connection, next, gatewayPort));
            _h2c.Serve(lo);
        }, _handler.Handle);

    private static ListenerSocket Bound((ServedSocket Socket, WantedSocket Serves) o) =>
        new(o.Serves.Listener, o.Serves.Binding, o.Socket.EndPoint);

    private SocketMap MapOf(Dictionary<(IPAddress, int, string?), (ServedSocket Socket, WantedSocket Serves)> open)
    {
        var map = new Dictionary<(IPAddress, int), string>();
        foreach (var (socket, (listener, _)) in _draining) map[(socket.EndPoint.Address, socket.EndPoint.Port)] = listener;
        foreach (var (socket, serves) in open.Values) map[(socket.EndPoint.Address, socket.EndPoint.Port)] = serves.Listener;
        return new SocketMap(map);
    }

    public async ValueTask DisposeAsync()
    {
        List<Task> stopping;
        lock (_gate)
        {
            _disposed = true;
            stopping = [.. _open.Values.Select(o => o.Socket.StopAsync(TimeSpan.FromSeconds(2))), .. _draining.Values.Select(d => d.Closing)];
            _open = [];
        }
        await Task.WhenAll(stopping);
        if (_coreStarted)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _core.StopAsync(stop.Token);
        }
        await _core.DisposeAsync();
        _handler.Dispose();
        Holder.Policy.Dispose();
    }
}

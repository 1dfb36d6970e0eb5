using System.Net;
using Meshc.Runtime.Admin;
using Meshc.Runtime.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The running proxy: one Kestrel server with a socket per listener (HTTP/1.1 and h2c) and, when asked, the admin
/// port. Requests are mapped to their listener by the local port they arrived on.
/// </summary>
public sealed class ProxyHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(ListenerModel Listener, ListenOptions Socket)> _sockets = [];
    private ListenOptions? _adminSocket;
    private Dictionary<int, string> _byPort = [];

    private ProxyHost(RuntimeSnapshot snapshot, ProxyOptions options)
    {
        Holder = new SnapshotHolder(snapshot, Stats);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddHttpForwarder();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = null;
            k.Limits.MaxRequestHeadersTotalSize = 60 * 1024;
            var h2c = new PriorKnowledgeH2c();
            h2c.ListenInternal(k);
            foreach (var listener in snapshot.Listeners)
            {
                var port = options.EphemeralPorts ? 0 : listener.Port + options.PortOffset;
                k.Listen(options.Bind, port, lo =>
                {
                    h2c.Serve(lo);
                    _sockets.Add((listener, lo));
                });
            }
            if (options.AdminPort is { } admin)
                k.Listen(options.Bind, options.EphemeralPorts ? 0 : admin, lo => _adminSocket = lo);
        });
        _app = builder.Build();
        var handler = new ProxyHandler(Holder, Stats, _app.Services.GetRequiredService<IHttpForwarder>(), p => _byPort.GetValueOrDefault(p));
        var adminApi = new AdminApi(Holder, Stats);
        _app.Run(ctx => _adminSocket is not null && ctx.Connection.LocalPort == AdminPort ? adminApi.Handle(ctx) : handler.Handle(ctx));
    }

    public SnapshotHolder Holder { get; }

    public ProxyStats Stats { get; } = new();

    /// <summary>The bound port of each listener, by listener name (after <see cref="StartAsync"/>).</summary>
    public IReadOnlyDictionary<string, int> ListenerPorts => _sockets.ToDictionary(s => s.Listener.Name, s => s.Socket.IPEndPoint!.Port);

    public int? AdminPort => _adminSocket?.IPEndPoint?.Port;

    public static async Task<ProxyHost> StartAsync(RuntimeSnapshot snapshot, ProxyOptions options)
    {
        var host = new ProxyHost(snapshot, options);
        await host._app.StartAsync();
        host._byPort = host._sockets.ToDictionary(s => s.Socket.IPEndPoint!.Port, s => s.Listener.Name);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

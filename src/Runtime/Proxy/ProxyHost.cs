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
/// The running proxy: one Kestrel server with the listeners' sockets (HTTP/1.1 and h2c) and, when asked, the admin
/// port. With <see cref="ProxyOptions.UseBindings"/> a listener the bundle binds to Gateways or Services listens on each
/// of their addresses and ports; any other listener on its own port at <see cref="ProxyOptions.Bind"/>. Requests are
/// mapped to their listener by the local address and port they arrived on.
/// </summary>
public sealed class ProxyHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(ListenerModel Listener, AddressBinding? Binding, ListenOptions Socket)> _sockets = [];
    private ListenOptions? _adminSocket;
    private Dictionary<(IPAddress, int), string> _byEndPoint = [];

    private ProxyHost(RuntimeSnapshot snapshot, ProxyOptions options)
    {
        Holder = new SnapshotHolder(snapshot, Stats);
        if (options.HoldUntilPolicyLoaded) Holder.Policy.HoldUntilLoaded();
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
                var bindings = options.UseBindings ? snapshot.Bindings.Where(b => b.Listener == listener.Name).ToList() : [];
                if (bindings.Count == 0) Listen(listener, null, options.Bind, listener.Port);
                foreach (var binding in bindings)
                    foreach (var port in binding.Ports) Listen(listener, binding, binding.Address, port);
            }
            void Listen(ListenerModel listener, AddressBinding? binding, IPAddress address, int port) =>
                k.Listen(address, options.EphemeralPorts ? 0 : port + options.PortOffset, lo =>
                {
                    // Policy first: the h2c detector hands HTTP/2 connections to another pipeline, past later middleware.
                    lo.Use(Holder.Policy.Connections(listener.Name));
                    h2c.Serve(lo);
                    _sockets.Add((listener, binding, lo));
                });
            if (options.AdminPort is { } admin)
                k.Listen(options.Bind, options.EphemeralPorts ? 0 : admin, lo => _adminSocket = lo);
        });
        _app = builder.Build();
        var handler = new ProxyHandler(Holder, Stats, _app.Services.GetRequiredService<IHttpForwarder>(), ListenerFor);
        var adminApi = new AdminApi(Holder, Stats);
        _app.Run(ctx => _adminSocket is not null && ctx.Connection.LocalPort == AdminPort ? adminApi.Handle(ctx) : handler.Handle(ctx));
    }

    public SnapshotHolder Holder { get; }

    public ProxyStats Stats { get; } = new();

    /// <summary>The bound port of each listener, by listener name (its first socket's, after <see cref="StartAsync"/>).</summary>
    public IReadOnlyDictionary<string, int> ListenerPorts => _sockets.GroupBy(s => s.Listener.Name).ToDictionary(g => g.Key, g => g.First().Socket.IPEndPoint!.Port);

    /// <summary>Every listener socket as bound (after <see cref="StartAsync"/>), with the Gateway or Service it stands for.</summary>
    public IReadOnlyList<ListenerSocket> Sockets => [.. _sockets.Select(s => new ListenerSocket(s.Listener.Name, s.Binding, s.Socket.IPEndPoint!))];

    public int? AdminPort => _adminSocket?.IPEndPoint?.Port;

    public static async Task<ProxyHost> StartAsync(RuntimeSnapshot snapshot, ProxyOptions options)
    {
        var host = new ProxyHost(snapshot, options);
        try
        {
            await host._app.StartAsync();
        }
        catch
        {
            // A socket that cannot be bound (address in use, address missing) fails the start; release what was built.
            await host._app.DisposeAsync();
            host.Holder.Policy.Dispose();
            throw;
        }
        host._byEndPoint = host._sockets.ToDictionary(s => (s.Socket.IPEndPoint!.Address, s.Socket.IPEndPoint.Port), s => s.Listener.Name);
        return host;
    }

    /// <summary>The listener whose socket a connection arrived on (null for an unknown socket).</summary>
    private string? ListenerFor(Microsoft.AspNetCore.Http.ConnectionInfo connection)
    {
        var local = connection.LocalIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : connection.LocalIpAddress;
        return local is null ? null : _byEndPoint.GetValueOrDefault((local, connection.LocalPort));
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
        Holder.Policy.Dispose();
    }
}

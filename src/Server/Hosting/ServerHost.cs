using System.Net;
using Meshc.Server.Admin;
using Meshc.Server.Protocol;
using Meshc.Server.Snapshots;
using Meshc.Server.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Meshc.Server.Hosting;

/// <summary>
/// The running server: ADS over gRPC on the xDS port (HTTP/2 without TLS, as Envoy's and gRPC's xDS clients speak it
/// to a local control plane) and, optionally, the admin API on its own port. Port 0 picks a free port.
/// </summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication _xds;
    private readonly WebApplication? _admin;

    private ServerHost(WebApplication xds, WebApplication? admin, int xdsPort, int? adminPort)
    {
        _xds = xds;
        _admin = admin;
        XdsPort = xdsPort;
        AdminPort = adminPort;
    }

    public int XdsPort { get; }

    public int? AdminPort { get; }

    public static async Task<ServerHost> StartAsync(IPAddress bind, int xdsPort, int? adminPort, StreamContext context, Func<CompileStatus?> compile)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(bind, xdsPort, o => o.Protocols = HttpProtocols.Http2);
            // Proxies stay connected for days: pings find the ones that went away without closing.
            k.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            k.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
            k.Limits.MinRequestBodyDataRate = null;
            k.Limits.MaxConcurrentConnections = null;
            k.Limits.MaxConcurrentUpgradedConnections = null;
        });
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton(context);
        var xds = builder.Build();
        xds.MapGrpcService<AdsService>();
        await xds.StartAsync();
        var boundXds = Port(xds);

        WebApplication? admin = null;
        if (adminPort is { } port)
        {
            var adminBuilder = WebApplication.CreateSlimBuilder();
            adminBuilder.Logging.ClearProviders();
            adminBuilder.WebHost.ConfigureKestrel(k => k.Listen(bind, port, o => o.Protocols = HttpProtocols.Http1));
            admin = adminBuilder.Build();
            var api = new AdminApi(context.Cache, context.Registry, context.Metrics, compile);
            admin.Run(api.Handle);
            await admin.StartAsync();
        }
        return new ServerHost(xds, admin, boundXds, admin is null ? null : Port(admin));
    }

    private static int Port(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _xds.StopAsync(stopping.Token);
        await _xds.DisposeAsync();
        if (_admin is not null)
        {
            await _admin.StopAsync(stopping.Token);
            await _admin.DisposeAsync();
        }
    }
}

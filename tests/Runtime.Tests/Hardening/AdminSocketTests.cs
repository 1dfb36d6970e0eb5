using System.Net;
using System.Net.Sockets;
using Meshc.Runtime.Admin;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Hardening;

/// <summary>
/// The admin API answers only connections accepted on the admin socket. It once answered any request whose local port
/// was the admin port, so an HTTP/2 request to a Gateway listening on that port number (on its own address) reached
/// /config_dump.
/// </summary>
public sealed class AdminSocketTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-admin-socket", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task GatewayOnTheAdminPortNumber_ServesItsRoutes_NotTheAdminApi()
    {
        var snapshot = RuntimeHarness.CompileTo(_folder, "gateway-echo");
        var port = FreePort();
        // The Gateways listen on port 80 at 127.0.100.x: the offset puts them on the admin's port number.
        var options = new ProxyOptions(IPAddress.Loopback, port - 80, AdminPort: port) { UseBindings = true, Admin = AdminApi.Serve };
        await using var proxy = await ProxyHost.StartAsync(snapshot, options);
        var gateway = proxy.Sockets.First(s => s.Binding is not null).EndPoint;
        Assert.Equal(port, gateway.Port);

        using var client = RuntimeHarness.Client();
        using var h2 = new HttpRequestMessage(HttpMethod.Get, $"http://{gateway}/ready") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var viaGateway = await client.SendAsync(h2);
        using var http1 = await client.GetAsync($"http://{gateway}/ready");
        var viaAdmin = await client.GetStringAsync($"http://127.0.0.1:{port}/ready");

        Assert.Equal(HttpStatusCode.NotFound, viaGateway.StatusCode); // no route for /ready on the Gateway
        Assert.Equal(HttpStatusCode.NotFound, http1.StatusCode);
        Assert.Equal("LIVE\n", viaAdmin);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;
using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Text;
using Meshc.Runtime.Cli;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// Gateways served on their own LB-IPAM addresses: two Gateways on port 80 get 127.0.100.1 and 127.0.100.2, the proxy
/// binds each on its address (port 80 + a high offset, so no root is needed) and each answers with its own routes.
/// </summary>
public sealed class AddressBindingTests
{
    private const string TwoGateways = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: { name: alpha, namespace: default }
        spec:
          gatewayClassName: cilium
          listeners: [{ name: http, protocol: HTTP, port: 80 }]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: { name: beta, namespace: default }
        spec:
          gatewayClassName: cilium
          listeners: [{ name: http, protocol: HTTP, port: 80 }]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: to-alpha, namespace: default }
        spec:
          parentRefs: [{ name: alpha }]
          rules:
          - filters: [{ type: RequestRedirect, requestRedirect: { hostname: alpha.example, statusCode: 302 } }]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: to-beta, namespace: default }
        spec:
          parentRefs: [{ name: beta }]
          rules:
          - filters: [{ type: RequestRedirect, requestRedirect: { hostname: beta.example, statusCode: 302 } }]
        """;

    private static RuntimeSnapshot Compile(string yaml)
    {
        var result = Compilation.Create([new SourceText("two-gateways.yaml", yaml)]).Emit();
        Assert.True(result.Bundle is not null, string.Join("\n", result.Diagnostics));
        var folder = Path.Combine(Path.GetTempPath(), "meshc-runtime-tests", Guid.NewGuid().ToString("N"));
        try
        {
            BundleWriter.Write(result.Bundle, folder);
            var loaded = BundleLoader.Load(folder);
            Assert.True(loaded.Success, loaded.Error);
            var (snapshot, error) = BuildSnapshot.From(loaded.Bundle!);
            Assert.True(snapshot is not null, error);
            return snapshot!;
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void BuildSnapshot_TwoGatewaysOnPort80_BindsEachOnItsOwnLoopbackAddress()
    {
        var snapshot = Compile(TwoGateways);
        Assert.Equal(
            [("gateway default/alpha", "127.0.100.1", 80, "default/cilium-gateway-alpha/listener"),
             ("gateway default/beta", "127.0.100.2", 80, "default/cilium-gateway-beta/listener")],
            snapshot.Bindings.Select(b => (b.Display, b.Address.ToString(), Assert.Single(b.Ports), b.Listener)));
    }

    [Fact]
    public async Task Run_TwoGatewaysOnOnePort_EachAddressAnswersWithItsOwnRoutes()
    {
        var snapshot = Compile(TwoGateways);
        await using var proxy = await StartOnAllocatedAddresses(snapshot, 80, "127.0.100.1", "127.0.100.2");
        var sockets = proxy.Sockets.OrderBy(s => s.EndPoint.Address.ToString(), StringComparer.Ordinal).ToList();
        Assert.Equal(["127.0.100.1", "127.0.100.2"], sockets.Select(s => s.EndPoint.Address.ToString()));
        Assert.Equal(sockets[0].EndPoint.Port, sockets[1].EndPoint.Port);

        using var client = RuntimeHarness.Client();
        foreach (var (address, host) in new[] { ("127.0.100.1", "alpha.example"), ("127.0.100.2", "beta.example") })
        {
            using var response = await client.GetAsync($"http://{address}:{sockets[0].EndPoint.Port}/path");
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal(host, response.Headers.Location!.Host);
        }
        Assert.Equal(
            [$"gateway default/alpha on http://127.0.100.1:{sockets[0].EndPoint.Port} (listener default/cilium-gateway-alpha/listener)",
             $"gateway default/beta on http://127.0.100.2:{sockets[0].EndPoint.Port} (listener default/cilium-gateway-beta/listener)"],
            RunCommand.SocketLines(proxy.Sockets));
    }

    [Fact]
    public async Task Run_ServiceClaimedByCec_ListensOnTheServiceClusterIpAndPort()
    {
        var snapshot = RuntimeHarness.Compile("bookstore-canary");
        var binding = Assert.Single(snapshot.Bindings);
        Assert.Equal(("service default/bookstore", "127.0.200.1", 8080), (binding.Display, binding.Address.ToString(), Assert.Single(binding.Ports)));
        await using var proxy = await StartOnAllocatedAddresses(snapshot, 8080, "127.0.200.1");
        var socket = Assert.Single(proxy.Sockets);
        Assert.Equal(IPAddress.Parse("127.0.200.1"), socket.EndPoint.Address);
        using var client = RuntimeHarness.Client();
        // No backend runs: the CEC's listener answers as Envoy does without a reachable upstream.
        using var response = await client.GetAsync($"http://127.0.200.1:{socket.EndPoint.Port}/books");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Run_WithoutBindings_ServesEveryListenerOnBindAtItsProxyPort()
    {
        var snapshot = Compile(TwoGateways);
        await using var proxy = await RuntimeHarness.Start(snapshot);
        Assert.All(proxy.Sockets, s => Assert.Equal(IPAddress.Loopback, s.EndPoint.Address));
        Assert.All(proxy.Sockets, s => Assert.Null(s.Binding));
        Assert.Equal(2, proxy.Sockets.Count);
    }

    /// <summary>
    /// Starts the proxy with the bindings at <paramref name="basePort"/> + an offset that makes it a port free on every
    /// address. Another process may take the port between the probe and the bind, so a failed bind is retried (3 times).
    /// </summary>
    private static async Task<ProxyHost> StartOnAllocatedAddresses(RuntimeSnapshot snapshot, int basePort, params string[] addresses)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePortOnAll([.. addresses.Select(IPAddress.Parse)]);
            try
            {
                return await ProxyHost.StartAsync(snapshot, new ProxyOptions(IPAddress.Loopback, port - basePort, AdminPort: null) { UseBindings = true });
            }
            catch (IOException) when (attempt < 3) { }
        }
    }

    /// <summary>An ephemeral port of the first address that is also free on the others.</summary>
    private static int FreePortOnAll(IReadOnlyList<IPAddress> addresses)
    {
        for (var probe = 0; probe < 20; probe++)
        {
            using var first = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            first.Bind(new IPEndPoint(addresses[0], 0));
            var port = ((IPEndPoint)first.LocalEndPoint!).Port;
            var others = addresses.Skip(1).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ToList();
            try
            {
                foreach (var (socket, address) in others.Zip(addresses.Skip(1))) socket.Bind(new IPEndPoint(address, port));
                return port;
            }
            catch (SocketException) { }
            finally { others.ForEach(o => o.Dispose()); }
        }
        throw new InvalidOperationException($"no port free on {string.Join(", ", addresses)} after 20 probes");
    }
}

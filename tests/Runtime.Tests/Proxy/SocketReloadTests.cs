using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Text;
using Meshc.Runtime.Admin;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Conformance;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// A reload applies socket changes as Envoy applies an LDS update: a Gateway added is served on its address, one removed
/// stops accepting and drains, and the sockets that stay keep their connections. The Gateways get addresses from a pool of
/// their own (127.0.110.0/24, used by no other test) at port 80 plus a random offset (<see cref="AddressedProxy"/>).
/// </summary>
public sealed class SocketReloadTests : IDisposable
{
    private const string Pool = """
        apiVersion: cilium.io/v2
        kind: CiliumLoadBalancerIPPool
        metadata: { name: socket-reload }
        spec:
          blocks: [{ cidr: 127.0.110.0/24 }]
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-runtime-relisten", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A Gateway on port 80 whose one route redirects to <paramref name="target"/>, so each answer says who served it.</summary>
    private static string Gateway(string name, string target) => $$"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: { name: {{name}}, namespace: default }
        spec:
          gatewayClassName: cilium
          listeners: [{ name: http, protocol: HTTP, port: 80 }]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: to-{{name}}, namespace: default }
        spec:
          parentRefs: [{ name: {{name}} }]
          rules:
          - filters: [{ type: RequestRedirect, requestRedirect: { hostname: {{target}}, statusCode: 302 } }]
        """;

    /// <summary>Compiles the Gateways (with the pool) into the watched folder and loads the bundle as the runtime does.</summary>
    private RuntimeSnapshot Write(params string[] gateways)
    {
        var result = Compilation.Create([new SourceText("pool.yaml", Pool), .. gateways.Select((g, i) => new SourceText($"gateway-{i}.yaml", g))]).Emit();
        Assert.True(result.Bundle is not null, string.Join("\n", result.Diagnostics));
        BundleWriter.Write(result.Bundle, _folder);
        var loaded = BundleLoader.Load(_folder);
        Assert.True(loaded.Success, loaded.Error);
        var (snapshot, error) = BuildSnapshot.From(loaded.Bundle!);
        Assert.True(snapshot is not null, error);
        return snapshot!;
    }

    /// <summary>A client on one keep-alive connection per server that counts the connections it opens.</summary>
    private sealed class CountingClient : IDisposable
    {
        private int _connects;

        public CountingClient() => Http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            MaxConnectionsPerServer = 1,
            ConnectCallback = async (context, token) =>
            {
                Interlocked.Increment(ref _connects);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
        }) { Timeout = TimeSpan.FromSeconds(5) };

        public HttpClient Http { get; }

        public int Connects => Volatile.Read(ref _connects);

        public async Task<string?> RedirectOf(string url)
        {
            using var response = await Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            return response.Headers.Location?.Host;
        }

        public void Dispose() => Http.Dispose();
    }

    [Fact]
    public async Task Reload_GatewayAdded_IsServedOnItsAddressWhileTheOtherKeepsItsConnectionUnderLoad()
    {
        var first = Write(Gateway("alpha", "alpha.example"));
        await using var proxy = await AddressedProxy.StartAsync(first);
        var log = new List<string>();
        using var reloader = new BundleReloader(_folder, proxy, s => s, log.Add);
        var alpha = Assert.Single(proxy.Sockets);
        Assert.Equal("127.0.110.1", alpha.EndPoint.Address.ToString());
        var port = alpha.EndPoint.Port;

        using var client = new CountingClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var answers = new List<string?>();
        var loading = new TaskCompletionSource();
        var reloaded = new TaskCompletionSource();
        var load = Task.Run(async () =>
        {
            // Bounded: at most 2,000 requests or 5 s, and 50 once the reload is done.
            var after = 0;
            for (var i = 0; i < 2_000 && after < 50 && !stop.IsCancellationRequested; i++)
            {
                var host = await client.RedirectOf($"{alpha.Url}/");
                lock (answers) answers.Add(host);
                loading.TrySetResult();
                if (reloaded.Task.IsCompleted) after++;
            }
        });
        await Task.WhenAny(loading.Task, load);

        Write(Gateway("alpha", "alpha.example"), Gateway("beta", "beta.example"));
        Assert.True(reloader.Reload());
        reloaded.SetResult();
        await load;

        Assert.Equal(
            ["127.0.110.1", "127.0.110.2"],
            proxy.Sockets.Select(s => s.EndPoint.Address.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains($"gateway default/beta now on http://127.0.110.2:{port} (listener default/cilium-gateway-beta/listener)", log);
        Assert.DoesNotContain(log, l => l.Contains("alpha", StringComparison.Ordinal));
        Assert.Equal("beta.example", await client.RedirectOf($"http://127.0.110.2:{port}/"));
        Assert.All(answers, a => Assert.Equal("alpha.example", a));
        Assert.Equal(2, client.Connects); // one to alpha, kept through the reload; one to beta
    }

    [Fact]
    public async Task Reload_GatewayRemoved_ItsSocketRefusesWhileTheOtherServesOnTheSameConnection()
    {
        var first = Write(Gateway("alpha", "alpha.example"), Gateway("beta", "beta.example"));
        await using var proxy = await AddressedProxy.StartAsync(first);
        var log = new List<string>();
        using var reloader = new BundleReloader(_folder, proxy, s => s, log.Add);
        var alpha = Assert.Single(proxy.Sockets, s => s.Binding?.Name == "alpha");
        var beta = Assert.Single(proxy.Sockets, s => s.Binding?.Name == "beta");
        using var client = new CountingClient();
        Assert.Equal("alpha.example", await client.RedirectOf($"{alpha.Url}/"));
        Assert.Equal("beta.example", await client.RedirectOf($"{beta.Url}/"));

        // alpha's route changes too: the kept socket serves the new snapshot on its old connection.
        Write(Gateway("alpha", "alpha-2.example"));
        Assert.True(reloader.Reload());
        Assert.Contains($"gateway default/beta on {beta.Url} (listener default/cilium-gateway-beta/listener) closed", log);
        await proxy.Drained.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("alpha-2.example", await client.RedirectOf($"{alpha.Url}/"));
        Assert.Equal(2, client.Connects);
        Assert.Equal([alpha.EndPoint], proxy.Sockets.Select(s => s.EndPoint));
        using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(beta.EndPoint));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task Reload_GatewayRemoved_RequestInFlightOnItFinishesBeforeItsSocketCloses()
    {
        const string Slow = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: { name: slow, namespace: default }
            spec:
              gatewayClassName: cilium
              listeners: [{ name: http, protocol: HTTP, port: 80 }]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: { name: to-slow, namespace: default }
            spec:
              parentRefs: [{ name: slow }]
              rules: [{ backendRefs: [{ name: slow, port: 8080 }] }]
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: slow, namespace: default }
            spec:
              ports: [{ port: 8080 }]
            """;
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            arrived.TrySetResult();
            await release.Task;
            await ctx.Response.WriteAsync("done");
        });
        var first = Write(Gateway("alpha", "alpha.example"), Slow);
        await using var proxy = await AddressedProxy.StartAsync(Policy.PolicyRuntime.PointAt(first, backend.Port));
        using var reloader = new BundleReloader(_folder, proxy, s => Policy.PolicyRuntime.PointAt(s, backend.Port), _ => { });
        var slow = Assert.Single(proxy.Sockets, s => s.Binding?.Name == "slow");
        using var client = new CountingClient();
        var inFlight = client.Http.GetAsync($"{slow.Url}/");
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(5));

        Write(Gateway("alpha", "alpha.example"));
        Assert.True(reloader.Reload());
        Assert.DoesNotContain(proxy.Sockets, s => s.Binding?.Name == "slow");
        Assert.False(proxy.Drained.IsCompleted); // the request in flight holds the drain

        release.SetResult();
        using var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("done", await response.Content.ReadAsStringAsync());
        await proxy.Drained.WaitAsync(TimeSpan.FromSeconds(5));
        using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(slow.EndPoint));
    }

    [Fact]
    public async Task Reload_NewSocketPortHeld_SwapsTheRestReportsItAndBindsItOnTheNextReload()
    {
        var first = Write(Gateway("alpha", "alpha.example"));
        await using var proxy = await ProxyHostOn(first);
        var log = new List<string>();
        using var reloader = new BundleReloader(_folder, proxy, s => s, log.Add);
        var alpha = Assert.Single(proxy.Sockets);
        var port = alpha.EndPoint.Port;
        var held = new TcpListener(IPAddress.Parse("127.0.110.2"), port);
        held.Start();
        try
        {
            Write(Gateway("alpha", "alpha-2.example"), Gateway("beta", "beta.example"));
            Assert.True(reloader.Reload());
            var line = Assert.Single(log, l => l.Contains("default/beta", StringComparison.Ordinal));
            Assert.StartsWith($"gateway default/beta (127.0.110.2:{port}) is in the bundle but cannot be served: ", line);
            Assert.Contains("in use", line, StringComparison.OrdinalIgnoreCase);
            Assert.Single(proxy.Holder.UnservedSockets);
            using var client = new CountingClient();
            Assert.Equal("alpha-2.example", await client.RedirectOf($"{alpha.Url}/"));
            using var admin = RuntimeHarness.Client();
            using var bundle = JsonDocument.Parse(await admin.GetStringAsync($"http://127.0.0.1:{proxy.AdminPort}/meshc/bundle"));
            Assert.Equal(JsonValueKind.String, bundle.RootElement.GetProperty("unserved_sockets")[0].ValueKind);
        }
        finally
        {
            held.Stop();
        }

        log.Clear();
        Assert.False(reloader.Reload()); // the same bundle: only the socket left out is tried again
        Assert.Equal([$"gateway default/beta now on http://127.0.110.2:{port} (listener default/cilium-gateway-beta/listener)"], log);
        Assert.Empty(proxy.Holder.UnservedSockets);
        using var again = new CountingClient();
        Assert.Equal("beta.example", await again.RedirectOf($"http://127.0.110.2:{port}/"));
    }

    /// <summary>As <see cref="AddressedProxy"/> does, with the admin port on an ephemeral port.</summary>
    private static async Task<ProxyHost> ProxyHostOn(RuntimeSnapshot snapshot)
    {
        for (var attempt = 1; ; attempt++)
        {
            var offset = Random.Shared.Next(12_000, 22_000);
            try
            {
                return await ProxyHost.StartAsync(snapshot, new ProxyOptions(IPAddress.Loopback, offset, AdminPort: 0) { UseBindings = true, Admin = AdminApi.Serve });
            }
            catch (IOException) when (attempt < 6) { }
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using Meshc.Compiler.Text;
using Meshc.Runtime.Admin;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>
/// The runtime enforcing a compiled policy end to end on loopback: clients at the addresses of their pods get their
/// workload's identity from the ipcache; a client the L3/L4 policy drops gets no HTTP response at all, an allowed one
/// reaches the backend, and a request no L7 rule allows gets Cilium's 403 "Access denied".
/// </summary>
public sealed class EnforcementEndToEndTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-enforcement", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private Task<(ProxyHost Proxy, TestBackend Backend, string Url)> Start(params SourceText[] sources) => Start(PolicyRuntime.Listener, sources);

    private async Task<(ProxyHost Proxy, TestBackend Backend, string Url)> Start(string listener, params SourceText[] sources)
    {
        var (bundle, snapshot) = PolicyRuntime.Compile(_folder, sources);
        var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync($"books for {ctx.Request.Method} {ctx.Request.Path}"));
        var proxy = await RuntimeHarness.Start(PolicyRuntime.PointAt(snapshot, backend.Port));
        var lines = proxy.Holder.Policy.Load(bundle, snapshot, bpffs: "off");
        Assert.Contains(lines, l => l.Contains($"enforced on {listener}", StringComparison.Ordinal));
        return (proxy, backend, $"http://127.0.0.1:{proxy.ListenerPorts[listener]}");
    }

    private const string DslPolicy = """policy bookstore-readers select app=bookstore { allow from app=netshoot port 8080 http GET "/books(/.*)?" }""" + "\n";

    /// <summary>The policy in YAML and in the DSL, on the Service claimed by a hand-written CEC and by a GAMMA route.</summary>
    public static TheoryData<string, string, bool> Policies => new()
    {
        { "policy.yaml", PolicyRuntime.ReadersPolicy, false },
        { "policy.dsl", DslPolicy, false },
        { "policy.yaml", PolicyRuntime.ReadersPolicy, true },
        { "policy.dsl", DslPolicy, true },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Run_ReadersPolicy_AllowedClientServedDeniedClientDroppedL7Mismatch403(string file, string policy, bool gamma)
    {
        var (proxy, backend, url) = await Start(gamma ? PolicyRuntime.GammaListener : PolicyRuntime.Listener,
            new SourceText("mesh.yaml", gamma ? PolicyRuntime.GammaMesh : PolicyRuntime.Mesh), new SourceText(file, policy));
        await using var _ = proxy;
        await using var __ = backend;

        using var netshoot = PolicyRuntime.ClientFrom(PolicyRuntime.Netshoot);
        using (var allowed = await netshoot.GetAsync($"{url}/books"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Equal("books for GET /books", await allowed.Content.ReadAsStringAsync());
        }
        using (var denied = await netshoot.DeleteAsync($"{url}/books"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Equal("Access denied\r\n", await denied.Content.ReadAsStringAsync());
            Assert.Equal("text/plain", denied.Content.Headers.ContentType?.MediaType);
            Assert.Equal(15, denied.Content.Headers.ContentLength);
        }

        using var admin = PolicyRuntime.ClientFrom(PolicyRuntime.Admin);
        await PolicyRuntime.AssertDropped(admin.GetAsync($"{url}/books"));

        Assert.Equal(1, proxy.Stats.Get("meshc.policy.denied_l7"));
        Assert.True(proxy.Stats.Get("meshc.policy.denied_l3l4") >= 1);
        Assert.True(proxy.Stats.Get("meshc.policy.allowed") >= 1);
    }

    [Fact]
    public async Task Run_DroppedClient_ConnectionResetWithoutAByte()
    {
        var (proxy, backend, url) = await Start(new SourceText("mesh.yaml", PolicyRuntime.Mesh + PolicyRuntime.ReadersPolicy));
        await using var _ = proxy;
        await using var __ = backend;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Parse(PolicyRuntime.Admin), 0));
        // The listener resets the connection (SO_LINGER 0) without reading: the handshake completes in the kernel,
        // then the connect's completion, the send or the read meets the RST.
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var reset = await Assert.ThrowsAsync<SocketException>(async () =>
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, new Uri(url).Port), timeout.Token);
            await socket.SendAsync(Encoding.ASCII.GetBytes("GET /books HTTP/1.1\r\nHost: bookstore\r\n\r\n"), SocketFlags.None, timeout.Token);
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            Assert.Fail($"the dropped client read {read} bytes: {Encoding.ASCII.GetString(buffer, 0, read)}");
        });
        Assert.Equal(SocketError.ConnectionReset, reset.SocketErrorCode);
        Assert.Equal(1, proxy.Stats.Get("meshc.policy.denied_l3l4"));
        Assert.Equal(0, proxy.Stats.Get("meshc.policy.allowed"));
    }

    [Fact]
    public async Task Run_UnknownAddress_IsWorldAndDropped()
    {
        var (proxy, backend, url) = await Start(new SourceText("mesh.yaml", PolicyRuntime.Mesh + PolicyRuntime.ReadersPolicy));
        await using var _ = proxy;
        await using var __ = backend;
        using var world = PolicyRuntime.ClientFrom("127.0.0.99");
        await PolicyRuntime.AssertDropped(world.GetAsync($"{url}/books"));
        Assert.Equal(2u, Meshc.Runtime.Enforcement.PolicyDecision.IdentityOf(proxy.Holder.Policy.Current!.Bundle, IPAddress.Parse("127.0.0.99")));
    }

    [Fact]
    public async Task Run_BundleWithoutBpf_SaysSoAndServes()
    {
        var snapshot = RuntimeHarness.CompileTo(_folder, "bookstore-canary");
        var loaded = Meshc.Runtime.Loading.BundleLoader.Load(_folder);
        await using var backends = await DemoBackends.StartAsync(snapshot);
        await using var proxy = await RuntimeHarness.Start(backends.Redirect(snapshot));
        Assert.Equal(["policy not enforced: bundle has no bpf section"], proxy.Holder.Policy.Load(loaded.Bundle!, snapshot, bpffs: "off"));
        using var admin = PolicyRuntime.ClientFrom(PolicyRuntime.Admin);
        using var response = await admin.GetAsync($"http://127.0.0.1:{proxy.ListenerPorts["default/bookstore-canary/bookstore-listener"]}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Reload_PolicyAdmittingAdmin_SwapsWithTheSnapshotAndStatsShowIt()
    {
        var (proxy, backend, url) = await Start(new SourceText("mesh.yaml", PolicyRuntime.Mesh + PolicyRuntime.ReadersPolicy));
        await using var _ = proxy;
        await using var __ = backend;
        var log = new List<string>();
        using var reloader = new BundleReloader(_folder, proxy, s => PolicyRuntime.PointAt(s, backend.Port), log.Add);
        using var admin = PolicyRuntime.ClientFrom(PolicyRuntime.Admin);
        await PolicyRuntime.AssertDropped(admin.GetAsync($"{url}/books"));

        var before = proxy.Holder.Policy.Current;
        PolicyRuntime.Compile(_folder, new SourceText("mesh.yaml", PolicyRuntime.Mesh + PolicyRuntime.ReadersPolicy.Replace("app: netshoot", "app: admin")));
        Assert.True(reloader.Reload());
        Assert.NotSame(before, proxy.Holder.Policy.Current);
        Assert.Equal(proxy.Holder.Current.BundleId, proxy.Holder.Policy.Current!.BundleId);
        Assert.Contains(log, l => l.StartsWith("policy: ", StringComparison.Ordinal));

        using (var response = await admin.GetAsync($"{url}/books"))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var netshoot = PolicyRuntime.ClientFrom(PolicyRuntime.Netshoot);
        await PolicyRuntime.AssertDropped(netshoot.GetAsync($"{url}/books"));

        using var client = RuntimeHarness.Client();
        var stats = await client.GetStringAsync($"http://127.0.0.1:{proxy.AdminPort}/stats");
        Assert.Contains("meshc.policy.allowed: 1\n", stats);
        Assert.Contains("meshc.policy.denied_l3l4: 2\n", stats);
    }

    [Fact]
    public async Task Run_ConnectionBeforeThePolicyLoads_WaitsAndIsDecidedByIt()
    {
        var (bundle, snapshot) = PolicyRuntime.Compile(_folder, new SourceText("mesh.yaml", PolicyRuntime.Mesh + PolicyRuntime.ReadersPolicy));
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("served without policy"));
        await using var proxy = await ProxyHost.StartAsync(PolicyRuntime.PointAt(snapshot, backend.Port),
            new ProxyOptions(IPAddress.Loopback, 0, AdminPort: 0) { EphemeralPorts = true, HoldUntilPolicyLoaded = true, Admin = AdminApi.Serve });
        using var admin = PolicyRuntime.ClientFrom(PolicyRuntime.Admin);
        var early = admin.GetAsync($"http://127.0.0.1:{proxy.ListenerPorts[PolicyRuntime.Listener]}/books");
        proxy.Holder.Policy.Load(bundle, snapshot, bpffs: "off");
        await PolicyRuntime.AssertDropped(early);
        Assert.Equal(1, proxy.Stats.Get("meshc.policy.denied_l3l4"));
    }
}

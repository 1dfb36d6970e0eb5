using System.Net;
using Meshc.Compiler.Text;
using Meshc.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>
/// The bookstore Service as <c>port: 80 → targetPort: http</c> (the EndpointSlice's <c>http</c> port 8080), claimed
/// by the CiliumEnvoyConfig listener: the runtime checks the backend's ingress policy on 8080, the port the packets
/// reach the pod on after service translation, as Cilium does. A policy on 8080 admits the client; one on 80 drops it.
/// </summary>
public sealed class TargetPortEnforcementEndToEndTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-enforcement-target", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The shared mesh with the bookstore Service on port 80 translated to the slice's named port 8080.</summary>
    private static string TranslatingMesh()
    {
        var mesh = PolicyRuntime.Mesh
            .Replace("ports: [{ port: 8080, targetPort: 8080 }]", "ports: [{ name: http, port: 80, targetPort: http }]", StringComparison.Ordinal)
            .Replace("ports: [{ port: 8080 }]", "ports: [{ name: http, port: 8080 }]", StringComparison.Ordinal)
            .Replace("default/bookstore:8080", "default/bookstore:80", StringComparison.Ordinal);
        Assert.Contains("targetPort: http", mesh);
        Assert.Contains("name: http, port: 8080", mesh);
        return mesh;
    }

    /// <summary>GET /books from <paramref name="source"/> through the listener; the response (null when the connection was reset) and the L3/L4 drop count.</summary>
    private async Task<(HttpStatusCode? Status, long DroppedL3L4)> GetBooksAs(string source, string policy, bool expectServed)
    {
        var (bundle, snapshot) = PolicyRuntime.Compile(_folder, new SourceText("mesh.yaml", TranslatingMesh() + policy));
        var frontend = Meshc.PolicyEngine.PolicyBundle.Load(bundle.Files).Bundle!.Frontends.Single(f => f.Service == "default/bookstore");
        Assert.Equal((80, 8080), (frontend.Port, frontend.TargetPort));
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("books"));
        await using var proxy = await RuntimeHarness.Start(PolicyRuntime.PointAt(snapshot, backend.Port));
        Assert.Contains(proxy.Holder.Policy.Load(bundle, snapshot, bpffs: "off"), l => l.Contains($"enforced on {PolicyRuntime.Listener}", StringComparison.Ordinal));
        using var client = PolicyRuntime.ClientFrom(source);
        var request = client.GetAsync($"http://127.0.0.1:{proxy.ListenerPorts[PolicyRuntime.Listener]}/books");
        if (!expectServed)
        {
            await PolicyRuntime.AssertDropped(request);
            return (null, proxy.Stats.Get("meshc.policy.denied_l3l4"));
        }
        using var response = await request;
        return (response.StatusCode, proxy.Stats.Get("meshc.policy.denied_l3l4"));
    }

    [Fact]
    public async Task Run_PolicyOnTheTargetPort_ClientServed()
    {
        var (status, dropped) = await GetBooksAs(PolicyRuntime.Netshoot, PolicyRuntime.ReadersPolicy, expectServed: true);
        Assert.Equal((HttpStatusCode.OK, 0L), (status, dropped));
    }

    [Fact]
    public async Task Run_PolicyOnTheServicePort_ClientDroppedAtTheBackend()
    {
        var onServicePort = PolicyRuntime.ReadersPolicy.Replace("port: \"8080\"", "port: \"80\"", StringComparison.Ordinal);
        Assert.Contains("port: \"80\"", onServicePort);
        var (status, dropped) = await GetBooksAs(PolicyRuntime.Netshoot, onServicePort, expectServed: false);
        Assert.Null(status);
        Assert.Equal(1, dropped);
    }
}

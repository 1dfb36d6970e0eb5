using System.Net;
using Meshc.Compiler.Text;
using Meshc.Runtime.Enforcement;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>
/// A Gateway's hop to its backends: Cilium's Gateway proxy connects as reserved:ingress (8), so the backends' ingress
/// policy decides with identity 8 — a drop there is what the proxy meets as a connect timeout (503), an L7 mismatch is
/// the backend proxy's 403. The client's own address does not matter on this hop.
/// </summary>
public sealed class GatewayEnforcementTests : IDisposable
{
    private const string Listener = "default/cilium-gateway-my-example-gateway/listener";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-gateway-enforcement", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static string EchoPolicy(string sections) => $"""
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata: {"{"} name: echo-guard, namespace: default {"}"}
        spec:
          endpointSelector: {"{"} matchExpressions: [{"{"} key: app, operator: In, values: [echo-1, echo-2] {"}"}] {"}"}
        {sections}
        """;

    private async Task<(ProxyHost Proxy, DemoBackends Backends, string Url)> Start(string policy)
    {
        var sources = new[] { "00-cilium-gw.yaml", "01-echo-workloads.yaml", "02-gateway-and-route-50-50.yaml" }
            .Select(f => new SourceText(f, File.ReadAllText(Path.Combine(RuntimeHarness.RepoRoot, "examples", "gateway-echo", f))))
            .Append(new SourceText("policy.yaml", policy)).ToArray();
        var (bundle, snapshot) = PolicyRuntime.Compile(_folder, sources);
        var backends = await DemoBackends.StartAsync(snapshot);
        var proxy = await RuntimeHarness.Start(backends.Redirect(snapshot));
        proxy.Holder.Policy.Load(bundle, snapshot, bpffs: "off");
        return (proxy, backends, $"http://127.0.0.1:{proxy.ListenerPorts[Listener]}/echo");
    }

    [Fact]
    public async Task Gateway_BackendsAdmitWorldOnly_IngressIdentityDropped503()
    {
        var (proxy, backends, url) = await Start(EchoPolicy("""
              ingress:
                - fromEntities: [world]
            """));
        await using var _ = proxy;
        await using var __ = backends;
        using var client = RuntimeHarness.Client();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(PolicyEnforcer.UpstreamDropped, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, proxy.Stats.Get("meshc.policy.denied_l3l4"));
        Assert.Equal(1, proxy.Stats.Get("meshc.policy.allowed")); // the client's connection to the Gateway itself
    }

    [Fact]
    public async Task Gateway_BackendsAdmitIngressForGet_GetServedPost403()
    {
        var (proxy, backends, url) = await Start(EchoPolicy("""
              ingress:
                - fromEntities: [ingress]
                  toPorts:
                    - ports: [{ port: "8080", protocol: TCP }]
                      rules: { http: [{ method: GET }] }
            """));
        await using var _ = proxy;
        await using var __ = backends;
        using var client = RuntimeHarness.Client();
        using (var get = await client.GetAsync(url))
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var post = await client.PostAsync(url, new StringContent("x"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Access denied\r\n", await post.Content.ReadAsStringAsync());
        Assert.Equal(1, proxy.Stats.Get("meshc.policy.denied_l7"));
    }

    [Theory]
    [InlineData("/echo/x", 200)]
    [InlineData("/echo//x", 200)]
    [InlineData("/echo/../admin", 403)]     // the Gateway routes and forwards it as sent; the backend's proxy sees /admin
    [InlineData("/echo/%2e%2e/admin", 403)]
    [InlineData("/echo/x/..%2F..%2Fadmin", 403)] // judged as where the proxy's redirect leads: /admin
    public async Task Gateway_BackendRulesJudgeThePathAsCiliumsPolicyListenerNormalizesIt(string target, int status)
    {
        var (proxy, backends, url) = await Start(EchoPolicy("""
              ingress:
                - fromEntities: [ingress]
                  toPorts:
                    - ports: [{ port: "8080", protocol: TCP }]
                      rules: { http: [{ method: GET, path: "/echo(/.*)?" }] }
            """));
        await using var _ = proxy;
        await using var __ = backends;
        var response = await RawHttp.Send(new Uri(url).Port, $"GET {target} HTTP/1.1\r\nHost: echo\r\nConnection: close\r\n\r\n");
        Assert.Equal(status, response.Status);
        Assert.Equal(status == 403 ? 1 : 0, proxy.Stats.Get("meshc.policy.denied_l7"));
    }
}

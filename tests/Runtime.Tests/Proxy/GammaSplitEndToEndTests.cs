using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Conformance;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// A GAMMA HTTPRoute splitting a Service 80/20 with a header match, served as <c>meshc run</c> serves it: the route's
/// Service listens on its own clusterIP at its port (plus an offset), and a client of that address gets the split.
/// </summary>
public sealed class GammaSplitEndToEndTests
{
    internal const string Manifests = """
        apiVersion: v1
        kind: Service
        metadata: { name: web, namespace: default }
        spec: { selector: { app: web }, ports: [{ name: http, port: 80, targetPort: 8080 }] }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: web-v1, namespace: default }
        spec: { selector: { app: web, version: v1 }, ports: [{ port: 8080 }] }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: web-v2, namespace: default }
        spec: { selector: { app: web, version: v2 }, ports: [{ port: 8080 }] }
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: web-canary, namespace: default }
        spec:
          parentRefs: [{ group: "", kind: Service, name: web, port: 80 }]
          rules:
            - matches: [{ headers: [{ name: x-canary, value: "true" }] }]
              backendRefs: [{ name: web-v2, port: 8080 }]
            - backendRefs: [{ name: web-v1, port: 8080, weight: 80 }, { name: web-v2, port: 8080, weight: 20 }]
        """;

    [Fact]
    public async Task Run_ServiceParent_SplitsOnTheServiceAddressWithinTheBinomialBound_HeaderMatchGoesToV2()
    {
        var (compiled, snapshot) = ConformanceRun.Compile([new SourceText("web.yaml", Manifests)]);
        var parent = compiled.Status.Routes.Single().Parents.Single();
        Assert.Equal(("Service", "web", 80), (parent.ParentRef.Kind, parent.ParentRef.Name, parent.ParentRef.Port));
        var accepted = parent.Conditions.Single(c => c.Type == ConditionType.Accepted);
        Assert.Equal((true, ConditionReason.Accepted), (accepted.Status, accepted.Reason));

        await using var backends = await DemoBackends.StartAsync(snapshot);
        await using var proxy = await AddressedProxy.StartAsync(backends.Redirect(snapshot));
        var socket = proxy.Sockets.Single(s => s.Binding is { Kind: "service", Name: "web" });
        Assert.StartsWith("127.0.200.", socket.EndPoint.Address.ToString(), StringComparison.Ordinal); // web's clusterIP
        using var client = RuntimeHarness.Client();
        var url = $"http://{socket.EndPoint}/";

        const int requests = 1000;
        var v1 = 0;
        for (var i = 0; i < requests; i++)
        {
            var body = await client.GetStringAsync(url);
            if (body.Contains("\"service\":\"web-v1\"", StringComparison.Ordinal)) v1++;
            else Assert.Contains("\"service\":\"web-v2\"", body, StringComparison.Ordinal);
        }
        // Binomial 99.9% bound: 800 ± 3.29·√(1000·0.8·0.2) = 800 ± 41.6.
        Assert.InRange(v1, 759, 841);

        for (var i = 0; i < 50; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("x-canary", "true");
            using var response = await client.SendAsync(request);
            Assert.Contains("\"service\":\"web-v2\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}

using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>Upstream backend tests: cross-namespace routes and backends with ReferenceGrants, Service types, weights.</summary>
public sealed class BackendConformanceTests
{
    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteCrossNamespace()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-cross-namespace");
        await run.ExpectAllAsync([Row.To("/", "web-backend") with { Gateway = BackendNamespaces, Namespace = WebBackendNs }]);
        StatusAssert.RouteParent(run.Status, "cross-namespace", "Accepted", true, "Accepted");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteReferenceGrant()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-reference-grant");
        await run.ExpectAllAsync([Row.To("/", "web-backend") with { Namespace = WebBackendNs }]);
        StatusAssert.RouteParent(run.Status, "reference-grant", "ResolvedRefs", true, "ResolvedRefs");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteServiceTypes()
    {
        // Upstream fills the EndpointSlices with infra-backend-v1's pods at run time; here each Service gets its own
        // demo backend, so the rows check that each path reaches its own Service (headless and manual slices alike).
        await using var run = await ConformanceRun.StartAsync("httproute-service-types");
        await run.ExpectAllAsync([
            Row.To("/manual-endpointslices", "manual-endpointslices"),
            Row.To("/headless", "headless"),
            Row.To("/headless-manual-endpointslices", "headless-manual-endpointslices"),
        ]);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteWeight()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-weight");
        const int n = 500;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var got = await run.SendAsync(new Row("/"));
            Assert.Equal(200, got.Status);
            var service = got.Echo!.Value.GetProperty("service").GetString()!;
            counts[service] = counts.GetValueOrDefault(service) + 1;
        }
        // Weights 70/30/0. p = 0.7, n = 500: sd = sqrt(n p (1-p)) ≈ 10.2; 99.9% two-sided is ±3.29 sd ≈ ±34.
        Assert.InRange(counts.GetValueOrDefault(V1), 316, 384);
        Assert.Equal(n, counts.GetValueOrDefault(V1) + counts.GetValueOrDefault(V2));
        Assert.False(counts.ContainsKey(V3), "a backend with weight 0 received traffic");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteNoBackendRefs()
    {
        // Rules whose backendRefs are omitted or empty answer 500 themselves; the catch-all rule forwards.
        await using var run = await ConformanceRun.StartAsync("httproute-omitted-backendrefs");
        await run.ExpectAllAsync([
            Row.To("/forward", V1),
            Row.Answer("/omitted-no-forward", 500),
            Row.Answer("/empty-no-forward", 500),
        ]);
        StatusAssert.RouteParent(run.Status, "omitted-backendrefs", "Accepted", true, "Accepted");
        StatusAssert.RouteParent(run.Status, "omitted-backendrefs", "ResolvedRefs", true, "ResolvedRefs");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteRequestHeaderModifierBackendWeights()
    {
        // Two weighted backendRefs, each with its own filter setting "Backend: <its name>": whichever backend
        // answers must have received its own header, never the other one's.
        await using var run = await ConformanceRun.StartAsync("httproute-request-header-modifier-backend-weights");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 100; i++)
        {
            var got = await run.SendAsync(new Row("/"));
            Assert.Equal(200, got.Status);
            var echo = got.Echo!.Value;
            var service = echo.GetProperty("service").GetString()!;
            Assert.Equal(service, echo.GetProperty("headers").GetProperty("backend").GetString());
            seen.Add(service);
        }
        // 10/10 weights over 100 requests: both backends answer (a miss has probability 2 * 0.5^100).
        Assert.Equal([V1, V2], seen.Order(StringComparer.Ordinal));
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteMultipleGateways()
    {
        // One route attached to two Gateways on the same port, plus a dedicated route on each: each Gateway serves the
        // shared route and only its own dedicated one.
        await using var run = await ConformanceRun.StartAsync("httproute-multiple-gateways");
        await run.ExpectAllAsync([
            Row.To("/shared", V1) with { Gateway = SameNamespace },
            Row.To("/", V2) with { Gateway = SameNamespace },
            Row.To("/shared", V1) with { Gateway = AllNamespaces },
            Row.To("/", V3) with { Gateway = AllNamespaces },
        ]);
    }
}

using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>Upstream backend tests: cross-namespace routes and backends with ReferenceGrants, Service types, weights.</summary>
public sealed class BackendConformanceTests
{
    [Fact]
    public async Task HTTPRouteCrossNamespace()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-cross-namespace");
        await run.ExpectAllAsync([Row.To("/", "web-backend") with { Gateway = BackendNamespaces, Namespace = WebBackendNs }]);
        StatusAssert.RouteParent(run.Status, "cross-namespace", "Accepted", true, "Accepted");
    }

    [Fact]
    public async Task HTTPRouteReferenceGrant()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-reference-grant");
        await run.ExpectAllAsync([Row.To("/", "web-backend") with { Namespace = WebBackendNs }]);
        StatusAssert.RouteParent(run.Status, "reference-grant", "ResolvedRefs", true, "ResolvedRefs");
    }

    [Fact]
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

    [Fact]
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
}

using Meshc.Compiler.Ir;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.Bound;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.EnvoyResources;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

public class HeaderFilterTests
{
    private static HeaderModifierFilter Modifier(HeaderDirection direction, (string, string)[]? set = null, (string, string)[]? add = null, string[]? remove = null) =>
        new(direction,
            (set ?? []).Select(h => new HeaderValue(h.Item1, h.Item2, At)).ToValueList(),
            (add ?? []).Select(h => new HeaderValue(h.Item1, h.Item2, At)).ToValueList(),
            (remove ?? []).ToValueList(), At);

    private static Envoy.Config.Route.V3.Route Route(global::Meshc.Compiler.Semantics.BoundBackend[] backends, params RouteFilter[] filters) =>
        Routes(Translate(Attach("r", [Rule(0, [Match(Prefix("/p"))], backends, filters)]))).Single();

    [Fact]
    public void Build_RequestModifier_AddsBeforeSetsAndRemoves()
    {
        var route = Route([Backend("svc", 80)],
            Modifier(HeaderDirection.Request, set: [("x-set", "s")], add: [("x-add", "a")], remove: ["x-gone"]));

        Assert.Equal(
            """[{"header":{"key":"x-add","value":"a"}},{"header":{"key":"x-set","value":"s"},"appendAction":"OVERWRITE_IF_EXISTS_OR_ADD"}]""",
            "[" + string.Join(",", route.RequestHeadersToAdd.Select(h => Json(h))) + "]");
        Assert.Equal(["x-gone"], route.RequestHeadersToRemove);
        Assert.Empty(route.ResponseHeadersToAdd);
    }

    [Fact]
    public void Build_ResponseModifier_GoesToResponseLists()
    {
        var route = Route([Backend("svc", 80)], Modifier(HeaderDirection.Response, add: [("x-r", "1")], remove: ["server"]));

        Assert.Equal("x-r", route.ResponseHeadersToAdd.Single().Header.Key);
        Assert.Equal(["server"], route.ResponseHeadersToRemove);
        Assert.Empty(route.RequestHeadersToAdd);
    }

    [Fact]
    public void Build_SingleBackendFilter_FollowsRouteFilterOnRoute()
    {
        var backend = Backend("svc", 80, filters: Modifier(HeaderDirection.Request, set: [("x-backend", "b")]));

        var route = Route([backend], Modifier(HeaderDirection.Request, set: [("x-route", "r")]));

        Assert.Equal(["x-route", "x-backend"], route.RequestHeadersToAdd.Select(h => h.Header.Key));
    }

    [Fact]
    public void Build_WeightedBackendFilters_StayOnTheirClusterWeight()
    {
        var a = Backend("a", 80, filters: [Modifier(HeaderDirection.Request, add: [("x-a", "1")]), Modifier(HeaderDirection.Response, remove: ["x-ra"])]);
        var b = Backend("b", 80);

        var route = Route([a, b]);

        var clusters = route.Route_.WeightedClusters.Clusters;
        Assert.Equal("x-a", clusters[0].RequestHeadersToAdd.Single().Header.Key);
        // Both filters of backend a apply (Cilium would keep only the last one per backend).
        Assert.Equal(["x-ra"], clusters[0].ResponseHeadersToRemove);
        Assert.Empty(clusters[1].RequestHeadersToAdd);
        Assert.Empty(route.RequestHeadersToAdd);
    }

    [Fact]
    public void Build_RedirectWithModifier_KeepsRouteHeaders()
    {
        var redirect = new RequestRedirectFilter("https", null, null, null, 301, At);

        var route = Route([], redirect, Modifier(HeaderDirection.Response, add: [("x", "1")]));

        Assert.Equal("x", route.ResponseHeadersToAdd.Single().Header.Key);
        Assert.Equal("""{"schemeRedirect":"https","portRedirect":443}""", Json(route.Redirect));
    }
}

using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream core matching tests (Gateway, HTTPRoute) and the extended query parameter and method matching, each test's
/// manifests compiled with the base and served; the rows restate the upstream requests and expected backends.
/// </summary>
public sealed class MatchingConformanceTests
{
    private static async Task Run(string manifest, params Row[] rows)
    {
        await using var run = await ConformanceRun.StartAsync(manifest);
        await run.ExpectAllAsync(rows);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteSimpleSameNamespace() => Run("httproute-simple-same-namespace",
        Row.To("/", V1));

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPExactPathMatching() => Run("httproute-exact-path-matching",
        Row.To("/one", V1),
        Row.To("/two", V2),
        Row.Answer("/", 404),
        Row.Answer("/one/example", 404),
        Row.Answer("/two/", 404),
        Row.Answer("/Two", 404));

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteMatching() => Run("httproute-matching",
        Row.To("/", V1),
        Row.To("/example", V1),
        Row.To("/", V1) with { Headers = [("Version", "one")] },
        Row.To("/v2", V2),
        Row.To("/v2/example", V2),
        Row.To("/", V2) with { Headers = [("Version", "two")] });

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteMatchingAcrossRoutes() => Run("httproute-matching-across-routes",
        Row.To("/", V1) with { Host = "example.com" },
        Row.To("/example", V1) with { Host = "example.com" },
        Row.To("/example", V1) with { Host = "example.net" },
        Row.To("/example", V1) with { Host = "example.com", Headers = [("Version", "one")] },
        Row.To("/v2", V2) with { Host = "example.com" },
        // The /v2 route only serves example.com.
        Row.To("/v2", V1) with { Host = "example.net" },
        Row.To("/v2/example", V2) with { Host = "example.com" },
        Row.To("/", V2) with { Host = "example.com", Headers = [("Version", "two")] });

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteHeaderMatching() => Run("httproute-header-matching",
        Row.To("/", V1) with { Headers = [("Version", "one")] },
        Row.To("/", V2) with { Headers = [("Version", "two")] },
        Row.To("/", V1) with { Headers = [("Version", "two"), ("Color", "orange")] },
        Row.To("/", V2) with { Headers = [("Version", "two"), ("Color", "blue")] },
        Row.Answer("/", 404) with { Headers = [("Color", "orange")] },
        Row.Answer("/", 404) with { Headers = [("Some-Other-Header", "one")] },
        Row.To("/", V1) with { Headers = [("Color", "blue")] },
        Row.To("/", V1) with { Headers = [("Color", "green")] },
        Row.To("/", V2) with { Headers = [("Color", "red")] },
        Row.To("/", V2) with { Headers = [("Color", "yellow")] },
        Row.Answer("/", 404) with { Headers = [("Color", "purple")] });

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteQueryParamMatching() => Run("httproute-query-param-matching",
        Row.To("/?animal=whale", V1),
        Row.To("/?animal=dolphin", V2),
        Row.To("/?animal=dolphin&color=blue", V3),
        Row.To("/?ANIMAL=Whale", V3),
        Row.To("/?animal=whale&otherparam=irrelevant", V1),
        Row.To("/?animal=dolphin&color=yellow", V2),
        Row.Answer("/?color=blue", 404),
        Row.Answer("/?animal=dog", 404),
        Row.Answer("/?animal=whaledolphin", 404),
        Row.Answer("/", 404),
        // Query matches combined with path and header matches (ANDed within a match, ORed across matches).
        Row.To("/path1?animal=whale", V1),
        Row.To("/?animal=whale", V2) with { Headers = [("version", "one")] },
        Row.To("/path2?animal=whale", V3) with { Headers = [("version", "two")] },
        Row.To("/path3?animal=shark", V1),
        Row.To("/path4?animal=kraken", V1) with { Headers = [("version", "three")] },
        Row.Answer("/?animal=shark", 404),
        Row.Answer("/path4?animal=kraken", 404),
        // Precedence between rules that both match.
        Row.To("/path5?animal=hydra", V1),
        Row.To("/?animal=hydra", V3) with { Headers = [("version", "four")] });

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteMethodMatching() => Run("httproute-method-matching",
        Row.To("/", V1) with { Method = "POST" },
        Row.To("/", V2) with { Method = "GET" },
        Row.Answer("/", 404) with { Method = "HEAD" },
        Row.To("/path1", V1) with { Method = "GET" },
        Row.To("/", V2) with { Method = "PUT", Headers = [("version", "one")] },
        Row.To("/path2", V3) with { Method = "POST", Headers = [("version", "two")] },
        Row.To("/path3", V1) with { Method = "PATCH" },
        Row.To("/path4", V1) with { Method = "DELETE", Headers = [("version", "three")] },
        Row.Answer("/", 404) with { Method = "PUT" },
        Row.Answer("/path4", 404) with { Method = "DELETE" },
        Row.To("/path5", V1) with { Method = "PATCH" },
        Row.To("/", V2) with { Method = "PATCH", Headers = [("version", "four")] });

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRoutePathMatchOrder() => Run("httproute-path-match-order",
        Row.To("/match/exact/one", V3),
        Row.To("/match/exact", V2),
        Row.To("/match", V1),
        Row.To("/match/prefix/one/any", V2),
        Row.To("/match/prefix/any", V1),
        Row.To("/match/any", V3));

    [SharedFact(ConformanceManifests.SharedFolder)]
    public Task HTTPRouteNamedRule() => Run("httproute-named-rule",
        Row.To("/named", V1),
        Row.To("/unnamed", V2));
}

using Meshc.Runtime.Routing;
using Meshc.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Tests.Routing;

/// <summary>Envoy's CORS filter (cors_filter.cc) as the route table applies it: preflights, actual requests, origins.</summary>
public sealed class CorsFilterTests
{
    private const string Filter = "envoy.filters.http.cors";

    private static string Policy(string fields) =>
        """{"envoy.filters.http.cors":{"@type":"type.googleapis.com/envoy.extensions.filters.http.cors.v3.CorsPolicy",""" + fields + "}}";

    private static readonly string Full = Policy("""
        "allowOriginStringMatch":[{"exact":"https://www.foo.com"},{"safeRegex":{"regex":"^https://[A-Za-z0-9.-]+\\.bar\\.com$"}}],
        "allowMethods":"GET, OPTIONS","allowHeaders":"x-a, x-b","exposeHeaders":"x-c","maxAge":"3600","allowCredentials":true,
        "forwardNotMatchingPreflights":false
        """);

    private static RouteTable Table(string perFilter, string vhostPerFilter = "") => Routes.Table(
        """[{"name":"vh","domains":["*"]""" + (vhostPerFilter.Length > 0 ? ",\"typedPerFilterConfig\":" + vhostPerFilter : "") +
        ""","routes":[{"match":{"prefix":"/"},"route":{"cluster":"c"},"responseHeadersToAdd":[{"header":{"key":"x-route","value":"r"}}]""" +
        (perFilter.Length > 0 ? ",\"typedPerFilterConfig\":" + perFilter : "") + "}]}]");

    private static HeaderDictionary ResponseOf(RouteDecision decision)
    {
        var headers = new HeaderDictionary();
        HeaderMutation.ApplyAll(decision.ResponseHeaders, headers);
        return headers;
    }

    private static RouteRequest Preflight(string origin, string method = "GET", string? requestHeaders = null) =>
        Routes.Request("/", method: "OPTIONS", headers: requestHeaders is null
            ? [("Origin", origin), ("Access-Control-Request-Method", method)]
            : [("Origin", origin), ("Access-Control-Request-Method", method), ("Access-Control-Request-Headers", requestHeaders)]);

    [Fact]
    public void Preflight_FromAllowedOrigin_IsAnsweredWithTheAllowHeaders()
    {
        var decision = Assert.IsType<DirectResponseDecision>(Table(Full).Route(Preflight("https://www.foo.com"), () => 0, Filter));
        Assert.Equal(200, decision.Status);
        var headers = ResponseOf(decision);
        Assert.Equal("https://www.foo.com", headers["access-control-allow-origin"]);
        Assert.Equal("GET, OPTIONS", headers["access-control-allow-methods"]);
        Assert.Equal("x-a, x-b", headers["access-control-allow-headers"]);
        Assert.Equal("3600", headers["access-control-max-age"]);
        Assert.Equal("true", headers["access-control-allow-credentials"]);
        Assert.Equal("x-c", headers["access-control-expose-headers"]);
        // The router never runs, so the route's own response edits are not on the answer; Envoy adds no Vary.
        Assert.False(headers.ContainsKey("x-route"));
        Assert.False(headers.ContainsKey("vary"));
    }

    [Fact]
    public void Preflight_WildcardOrigin_MatchesSubdomainsAtAnyDepth()
    {
        var table = Table(Full);
        Assert.IsType<DirectResponseDecision>(table.Route(Preflight("https://a.b.bar.com"), () => 0, Filter));
        var headers = ResponseOf(table.Route(Preflight("https://a.b.bar.com"), () => 0, Filter));
        Assert.Equal("https://a.b.bar.com", headers["access-control-allow-origin"]);
        Assert.False(ResponseOf(table.Route(Preflight("https://bar.com"), () => 0, Filter)).ContainsKey("access-control-allow-origin"));
    }

    [Fact]
    public void Preflight_FromOtherOrigin_IsAnsweredWithoutAllowOrigin_WhenNotForwarded()
    {
        var decision = Assert.IsType<DirectResponseDecision>(Table(Full).Route(Preflight("https://evil.com"), () => 0, Filter));
        var headers = ResponseOf(decision);
        Assert.False(headers.ContainsKey("access-control-allow-origin"));
        Assert.False(headers.ContainsKey("access-control-expose-headers"));
        Assert.Equal("GET, OPTIONS", headers["access-control-allow-methods"]);
    }

    [Fact]
    public void Preflight_FromOtherOrigin_IsForwarded_ByEnvoysDefault()
    {
        var table = Table(Policy("""'allowOriginStringMatch':[{"exact":"https://www.foo.com"}]""".Replace('\'', '"')));
        var decision = Assert.IsType<ForwardDecision>(table.Route(Preflight("https://evil.com"), () => 0, Filter));
        Assert.False(ResponseOf(decision).ContainsKey("access-control-allow-origin"));
    }

    [Fact]
    public void Preflight_WildcardMethodsAndHeaders_EchoWhatWasAsked()
    {
        var table = Table(Policy("""
            "allowOriginStringMatch":[{"safeRegex":{"regex":"^.*$"}}],"allowMethods":"*","allowHeaders":"*","allowCredentials":false
            """));
        var headers = ResponseOf(table.Route(Preflight("https://x.org", "PUT", "x-one, x-two"), () => 0, Filter));
        Assert.Equal("https://x.org", headers["access-control-allow-origin"]);
        Assert.Equal("PUT", headers["access-control-allow-methods"]);
        Assert.Equal("x-one, x-two", headers["access-control-allow-headers"]);
        Assert.False(headers.ContainsKey("access-control-allow-credentials"));
    }

    [Fact]
    public void ActualRequest_FromAllowedOrigin_GetsOriginCredentialsAndExposeHeaders_AfterTheRouteEdits()
    {
        var decision = Assert.IsType<ForwardDecision>(Table(Full).Route(Routes.Request("/", headers: [("Origin", "https://www.foo.com")]), () => 0, Filter));
        var headers = ResponseOf(decision);
        Assert.Equal("r", headers["x-route"]);
        Assert.Equal("https://www.foo.com", headers["access-control-allow-origin"]);
        Assert.Equal("true", headers["access-control-allow-credentials"]);
        Assert.Equal("x-c", headers["access-control-expose-headers"]);
        Assert.False(headers.ContainsKey("access-control-allow-methods"));
    }

    [Fact]
    public void ActualRequest_FromOtherOrigin_OrWithoutOrigin_IsLeftAlone()
    {
        var table = Table(Full);
        foreach (var request in new[] { Routes.Request("/", headers: [("Origin", "https://evil.com")]), Routes.Request("/") })
        {
            var headers = ResponseOf(Assert.IsType<ForwardDecision>(table.Route(request, () => 0, Filter)));
            Assert.False(headers.ContainsKey("access-control-allow-origin"));
            Assert.False(headers.ContainsKey("access-control-expose-headers"));
        }
    }

    [Fact]
    public void NoCorsFilterInTheHcm_IgnoresThePolicy()
    {
        Assert.IsType<ForwardDecision>(Table(Full).Route(Preflight("https://www.foo.com"), () => 0, corsFilter: null));
    }

    [Fact]
    public void VirtualHostPolicy_FillsFieldsTheRouteLeavesUnset()
    {
        var table = Table(Policy(""" "allowMethods":"PUT" """), Full);
        var headers = ResponseOf(table.Route(Preflight("https://www.foo.com"), () => 0, Filter));
        Assert.Equal("PUT", headers["access-control-allow-methods"]);
        Assert.Equal("https://www.foo.com", headers["access-control-allow-origin"]);
        Assert.Equal("3600", headers["access-control-max-age"]);
    }

    [Fact]
    public void DeprecatedCorsField_CountsWhenNoPerFilterEntry()
    {
        var table = Routes.AnyHost("""
            [{"match":{"prefix":"/"},"route":{"cluster":"c","cors":{"allowOriginStringMatch":[{"exact":"https://www.foo.com"}],"allowMethods":"GET"}}}]
            """);
        var decision = Assert.IsType<DirectResponseDecision>(table.Route(Preflight("https://www.foo.com"), () => 0, Filter));
        Assert.Equal("GET", ResponseOf(decision)["access-control-allow-methods"]);
    }
}

using Meshc.Runtime.Routing;
using Meshc.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Tests.Routing;

public sealed class RouteTableTests
{
    private static readonly RouteTable Hosts = Routes.Table("""
        [
          {"name":"exact","domains":["foo.com"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"exact"}}]},
          {"name":"suffix","domains":["*.foo.com"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"suffix"}}]},
          {"name":"longsuffix","domains":["*-bar.foo.com"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"longsuffix"}}]},
          {"name":"prefix","domains":["bar.com:*"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"prefix"}}]},
          {"name":"quirk","domains":["*.baz.com:*"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"quirk"}}]},
          {"name":"default","domains":["*"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"default"}}]}
        ]
        """);

    [Theory]
    [InlineData("foo.com", "exact")]
    [InlineData("FOO.com", "exact")]
    [InlineData("a.foo.com", "suffix")]
    [InlineData("x-bar.foo.com", "longsuffix")]
    [InlineData(".foo.com", "default")] // a suffix wildcard must be shorter than the host
    [InlineData("foo.com:8080", "default")] // ports are not stripped
    [InlineData("bar.com:8080", "prefix")]
    [InlineData("a.baz.com:8080", "default")] // "*.baz.com:*" is a suffix wildcard ending in ":*"
    [InlineData("other.org", "default")]
    public void Route_VirtualHostSelection_FollowsEnvoyOrder(string authority, string expected) =>
        Assert.Equal(expected, Routes.Outcome(Hosts, Routes.Request("/", authority)));

    [Fact]
    public void Route_NoDefaultHostAndUnknownAuthority_Is404()
    {
        var table = Routes.Table("""[{"name":"a","domains":["a.com"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"a"}}]}]""");
        Assert.Equal("404", Routes.Outcome(table, Routes.Request("/", "b.com")));
    }

    private static readonly RouteTable Paths = Routes.AnyHost("""
        [
          {"match":{"path":"/exact"},"route":{"cluster":"exact"}},
          {"match":{"path":"/Insensitive","caseSensitive":false},"route":{"cluster":"insensitive"}},
          {"match":{"pathSeparatedPrefix":"/api/dev"},"route":{"cluster":"separated"}},
          {"match":{"safeRegex":{"regex":"/re/[0-9]+"}},"route":{"cluster":"regex"}},
          {"match":{"prefix":"/p"},"route":{"cluster":"prefix"}}
        ]
        """);

    [Theory]
    [InlineData("/exact", "exact")]
    [InlineData("/exact?x=1", "exact")]
    [InlineData("/exact/", "404")]
    [InlineData("/insensitive", "insensitive")]
    [InlineData("/api/dev", "separated")]
    [InlineData("/api/dev/", "separated")]
    [InlineData("/api/dev/v1", "separated")]
    [InlineData("/api/dev?x", "separated")]
    [InlineData("/api/developer", "404")]
    [InlineData("/re/123", "regex")]
    [InlineData("/re/123?q", "regex")]
    [InlineData("/re/12a", "404")] // the regex must match the whole path
    [InlineData("/pizza", "prefix")]
    [InlineData("/P", "404")] // prefixes are case sensitive by default
    [InlineData("/a/../exact", "404")] // the raw path is matched, not a normalized one
    public void Route_PathMatchers_MatchTheRawPath(string path, string expected) =>
        Assert.Equal(expected, Routes.Outcome(Paths, Routes.Request(path)));

    private static readonly RouteTable Headers = Routes.AnyHost("""
        [
          {"match":{"prefix":"/","headers":[{"name":":method","stringMatch":{"exact":"POST"}}]},"route":{"cluster":"post"}},
          {"match":{"prefix":"/","headers":[{"name":"x-exact","exactMatch":"a,b"}]},"route":{"cluster":"joined"}},
          {"match":{"prefix":"/","headers":[{"name":"x-prefix","prefixMatch":"pre"}]},"route":{"cluster":"prefix"}},
          {"match":{"prefix":"/","headers":[{"name":"x-regex","safeRegexMatch":{"regex":"v[0-9]"}}]},"route":{"cluster":"regex"}},
          {"match":{"prefix":"/","headers":[{"name":"x-present","presentMatch":true}]},"route":{"cluster":"present"}},
          {"match":{"prefix":"/","headers":[{"name":"x-inv","exactMatch":"no","invertMatch":true}]},"route":{"cluster":"inverted"}},
          {"match":{"prefix":"/","queryParameters":[{"name":"q","stringMatch":{"exact":"1"}}]},"route":{"cluster":"query"}},
          {"match":{"prefix":"/","queryParameters":[{"name":"flag","presentMatch":true}]},"route":{"cluster":"flag"}},
          {"match":{"prefix":"/"},"route":{"cluster":"fallback"}}
        ]
        """);

    [Theory]
    [InlineData("POST", "", "", "post")]
    [InlineData("GET", "x-exact", "a|b", "joined")] // several values are joined with ',' before matching
    [InlineData("GET", "x-prefix", "prefix", "prefix")]
    [InlineData("GET", "x-regex", "v1", "regex")]
    [InlineData("GET", "x-regex", "v12", "fallback")]
    [InlineData("GET", "x-present", "", "present")]
    [InlineData("GET", "x-inv", "yes", "inverted")]
    [InlineData("GET", "x-inv", "no", "fallback")]
    [InlineData("GET", "", "", "fallback")] // an absent header does not satisfy an inverted value matcher
    public void Route_HeaderMatchers_FollowEnvoy(string method, string header, string values, string expected)
    {
        var headers = header.Length == 0 ? [] : values.Split('|').Select(v => (header, v)).ToArray();
        Assert.Equal(expected, Routes.Outcome(Headers, Routes.Request("/", method: method, headers: headers)));
    }

    [Theory]
    [InlineData("/?q=1", "query")]
    [InlineData("/?q=1&q=2", "query")]
    [InlineData("/?q=2&q=1", "fallback")] // only the first value counts
    [InlineData("/?flag", "flag")]
    [InlineData("/?q=%31", "fallback")] // no percent-decoding
    public void Route_QueryMatchers_UseTheFirstRawValue(string path, string expected) =>
        Assert.Equal(expected, Routes.Outcome(Headers, Routes.Request(path)));

    [Theory]
    [InlineData(0UL, "a")]
    [InlineData(89UL, "a")]
    [InlineData(90UL, "b")]
    [InlineData(99UL, "b")]
    [InlineData(100UL, "a")] // random % total
    public void Route_WeightedClusters_WalkTheWeightsInOrder(ulong random, string expected)
    {
        var table = Routes.AnyHost("""
            [{"match":{"prefix":"/"},"route":{"weightedClusters":{"clusters":[
              {"name":"zero","weight":0},{"name":"a","weight":90},{"name":"b","weight":10}]}}}]
            """);
        Assert.Equal(expected, Routes.Outcome(table, Routes.Request("/"), random));
    }

    [Theory]
    [InlineData("/old/x?q=1", "redirect:302 http://example.com/new/x?q=1")]
    [InlineData("/strip/x?q=1", "redirect:301 https://example.org/strip/x")]
    [InlineData("/path?q=1", "redirect:308 http://example.com:8080/fixed?q=1")]
    [InlineData("/own?q=1", "redirect:301 http://example.com/fixed?own=1")]
    [InlineData("/keep/y", "redirect:307 http://example.com:9000/kept/y")]
    [InlineData("/rx/abc/def", "redirect:301 http://example.com/def/abc")]
    [InlineData("/direct", "direct:418")]
    public void Route_RedirectsAndDirectResponses_BuildEnvoysLocation(string path, string expected)
    {
        var table = Routes.AnyHost("""
            [
              {"match":{"pathSeparatedPrefix":"/old"},"redirect":{"responseCode":"FOUND","prefixRewrite":"/new","portRedirect":80}},
              {"match":{"prefix":"/strip"},"redirect":{"schemeRedirect":"https","hostRedirect":"example.org","portRedirect":443,"stripQuery":true}},
              {"match":{"prefix":"/path"},"redirect":{"pathRedirect":"/fixed","portRedirect":8080,"responseCode":"PERMANENT_REDIRECT"}},
              {"match":{"prefix":"/own"},"redirect":{"pathRedirect":"/fixed?own=1"}},
              {"match":{"prefix":"/keep"},"redirect":{"prefixRewrite":"/kept","responseCode":"TEMPORARY_REDIRECT"}},
              {"match":{"prefix":"/rx"},"redirect":{"regexRewrite":{"pattern":{"regex":"^/rx/([^/]+)/([^/]+)$"},"substitution":"/\\2/\\1"}}},
              {"match":{"prefix":"/direct"},"directResponse":{"status":418,"body":{"inlineString":"teapot"}}}
            ]
            """);
        var authority = path.StartsWith("/keep") ? "example.com:9000" : "example.com:80";
        Assert.Equal(expected, Routes.Outcome(table, Routes.Request(path, authority)));
    }

    [Theory]
    [InlineData("/prefix/a?x=1", "/new/a?x=1")]
    [InlineData("/service/foo/v1/api", "/v1/api/instance/foo")]
    [InlineData("/other", "/other")]
    public void Route_PathRewrites_ReplaceTheMatchedPart(string path, string upstream)
    {
        var table = Routes.AnyHost("""
            [
              {"match":{"prefix":"/prefix"},"route":{"cluster":"c","prefixRewrite":"/new"}},
              {"match":{"prefix":"/service"},"route":{"cluster":"c","regexRewrite":{"pattern":{"regex":"^/service/([^/]+)(/.*)$"},"substitution":"\\2/instance/\\1"}}},
              {"match":{"prefix":"/"},"route":{"cluster":"c","hostRewriteLiteral":"upstream.local"}}
            ]
            """);
        var decision = Assert.IsType<ForwardDecision>(table.Route(Routes.Request(path), () => 0, corsFilter: null));
        Assert.Equal(upstream, decision.UpstreamPath);
    }

    [Fact]
    public void Route_TimeoutsAndRetries_ComeFromTheRouteOrTheVirtualHost()
    {
        var table = Routes.Table("""
            [{"name":"vh","domains":["*"],"retryPolicy":{"retryOn":"gateway-error","numRetries":3},"routes":[
              {"match":{"prefix":"/own"},"route":{"cluster":"c","timeout":"2s","retryPolicy":{"retryOn":"5xx"}}},
              {"match":{"prefix":"/"},"route":{"cluster":"c","timeout":"0s"}}]}]
            """);
        var own = Assert.IsType<ForwardDecision>(table.Route(Routes.Request("/own"), () => 0, corsFilter: null));
        Assert.Equal(TimeSpan.FromSeconds(2), own.Timeout);
        Assert.Equal(1, own.Retry!.NumRetries); // a route policy replaces the host's; num_retries defaults to 1
        Assert.True(own.Retry.RetriesStatus(500));
        var inherited = Assert.IsType<ForwardDecision>(table.Route(Routes.Request("/x"), () => 0, corsFilter: null));
        Assert.Null(inherited.Timeout); // 0s disables the timeout
        Assert.Equal(3, inherited.Retry!.NumRetries);
        Assert.False(inherited.Retry.RetriesStatus(500));
        Assert.True(inherited.Retry.RetriesStatus(503));
    }

    [Fact]
    public void Route_DefaultTimeout_Is15Seconds()
    {
        var decision = Assert.IsType<ForwardDecision>(Routes.AnyHost("""[{"match":{"prefix":"/"},"route":{"cluster":"c"}}]""").Route(Routes.Request("/"), () => 0, corsFilter: null));
        Assert.Equal(TimeSpan.FromSeconds(15), decision.Timeout);
    }

    [Fact]
    public void Route_HeaderMutations_ApplyAppendActionsMostSpecificFirst()
    {
        var table = Routes.Table("""
            [{"name":"vh","domains":["*"],
              "requestHeadersToAdd":[{"header":{"key":"x-level","value":"vhost"},"appendAction":"OVERWRITE_IF_EXISTS_OR_ADD"}],
              "routes":[{"match":{"prefix":"/"},"route":{"cluster":"c"},
                "requestHeadersToRemove":["x-drop"],
                "requestHeadersToAdd":[
                  {"header":{"key":"x-level","value":"route"}},
                  {"header":{"key":"x-append","value":"two"}},
                  {"header":{"key":"x-absent","value":"new"},"appendAction":"ADD_IF_ABSENT"},
                  {"header":{"key":"x-only","value":"set"},"appendAction":"OVERWRITE_IF_EXISTS"},
                  {"header":{"key":"x-empty","value":""}}]}]}]
            """);
        var decision = Assert.IsType<ForwardDecision>(table.Route(Routes.Request("/"), () => 0, corsFilter: null));
        var headers = new HeaderDictionary { ["x-drop"] = "1", ["x-append"] = "one", ["x-absent"] = "old" };
        HeaderMutation.ApplyAll(decision.RequestHeaders, headers);
        Assert.False(headers.ContainsKey("x-drop"));
        Assert.Equal("vhost", headers["x-level"].ToString()); // the less specific level runs later and overwrites
        Assert.Equal(2, headers["x-append"].Count);
        Assert.Equal("one,two", headers["x-append"].ToString());
        Assert.Equal("old", headers["x-absent"].ToString());
        Assert.False(headers.ContainsKey("x-only"));
        Assert.False(headers.ContainsKey("x-empty"));
    }

    [Fact]
    public void Backoff_DoublesUpToTheMaximum_AsEnvoysSourceDoes()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(250), () => ulong.MaxValue);
        var delays = Enumerable.Range(0, 6).Select(_ => (int)backoff.NextDelay().TotalMilliseconds).ToArray();
        // ulong.MaxValue % interval for the intervals 25, 50, 100, 200, 250, 250.
        Assert.Equal(new[] { 25, 50, 100, 200, 250, 250 }.Select(i => (int)(ulong.MaxValue % (ulong)i)).ToArray(), delays);
    }
}

using Meshc.Compiler.Ir;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.Bound;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.EnvoyResources;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

public class RouteActionTests
{
    private static string RouteJson(BoundRuleSpec spec) => Json(Routes(Translate(Attach("r", [spec.Build()]))).Single());

    /// <summary>A rule on PathPrefix /p; the pieces a test leaves out are absent.</summary>
    private sealed record BoundRuleSpec(global::Meshc.Compiler.Semantics.BoundBackend[] Backends, RouteFilter[]? Filters = null,
        global::Meshc.Compiler.Semantics.BoundMirror[]? Mirrors = null, RouteTimeouts? Timeouts = null, RetryPolicy? Retry = null)
    {
        public global::Meshc.Compiler.Semantics.BoundRule Build() => Rule(0, [Match(Prefix("/p"))], Backends, Filters, Mirrors, Timeouts, Retry);
    }

    [Fact]
    public void Build_OneBackend_RoutesToClusterWithoutStreamLimit()
    {
        Assert.Equal(
            """{"match":{"pathSeparatedPrefix":"/p"},"route":{"cluster":"default:svc:8080","maxStreamDuration":{"maxStreamDuration":"0s"}}}""",
            RouteJson(new([Backend("svc", 8080)])));
    }

    [Fact]
    public void Build_WeightsWithZeroAndDefault_KeepsEveryClusterInOrder()
    {
        var json = RouteJson(new([Backend("a", 80, weight: 0), Backend("b", 80), Backend("c", 80, weight: 7)]));

        // A zero weight stays (that backend gets no traffic); the default weight is 1.
        Assert.Contains("""{"clusters":[{"name":"default:a:80","weight":0},{"name":"default:b:80","weight":1},{"name":"default:c:80","weight":7}]}""", json);
    }

    [Fact]
    public void Build_NoBackendsLeft_AnswersEmpty500()
    {
        Assert.Equal(
            """{"match":{"pathSeparatedPrefix":"/p"},"directResponse":{"status":500,"body":{"inlineString":""}}}""",
            RouteJson(new([], Filters: [new HeaderModifierFilter(HeaderDirection.Request, ValueList<HeaderValue>.Empty, ValueList.Of(new HeaderValue("x", "1", At)), ValueList<string>.Empty, At)])));
    }

    [Fact]
    public void Build_Mirrors_AddPercentagePolicies()
    {
        var json = RouteJson(new([Backend("svc", 80)], Mirrors: [Mirror("m1", 8080), Mirror("m2", 9090, numerator: 1, denominator: 3)]));

        // 1/3 is normalised to a whole percentage (33), as Cilium does; the default denominator HUNDRED is implicit.
        Assert.Contains(
            """requestMirrorPolicies":[{"cluster":"default:m1:8080","runtimeFraction":{"defaultValue":{"numerator":100}}},{"cluster":"default:m2:9090","runtimeFraction":{"defaultValue":{"numerator":33}}}]""",
            json);
    }

    [Fact]
    public void Build_MirrorDenominatorZero_DoesNotThrow()
    {
        var json = RouteJson(new([Backend("svc", 80)], Mirrors: [Mirror("m", 80, numerator: 5, denominator: 0)]));

        Assert.Contains("\"numerator\":5}", json);
    }

    [Theory]
    [InlineData(10, null, "10s")]
    [InlineData(null, 3, "3s")]
    [InlineData(10, 3, "3s")]
    [InlineData(2, 3, "2s")]
    [InlineData(0, 3, "3s")]
    [InlineData(0, null, "0s")]
    public void Build_Timeouts_SmallerNonZeroWins(int? request, int? backend, string expected)
    {
        var timeouts = new RouteTimeouts(
            request is { } r ? TimeSpan.FromSeconds(r) : null, backend is { } b ? TimeSpan.FromSeconds(b) : null, At);

        var json = RouteJson(new([Backend("svc", 80)], Timeouts: timeouts));

        Assert.Contains($"\"timeout\":\"{expected}\"", json);
        Assert.DoesNotContain("maxStreamDuration", json);
    }

    [Fact]
    public void Build_Retry_SetsRetryOnCodesAttemptsAndBackoff()
    {
        var retry = new RetryPolicy(ValueList.Of(500, 503), 3, TimeSpan.FromMilliseconds(100), At);

        var json = RouteJson(new([Backend("svc", 80)], Retry: retry));

        Assert.Contains(
            """retryPolicy":{"retryOn":"retriable-status-codes,connect-failure,reset,refused-stream","numRetries":3,"retriableStatusCodes":[500,503],"retryBackOff":{"baseInterval":"0.100s","maxInterval":"0.200s"}}""",
            json);
    }

    [Fact]
    public void Build_RetryWithoutAttemptsOrBackoff_LeavesThemUnset()
    {
        var json = RouteJson(new([Backend("svc", 80)], Retry: new RetryPolicy(ValueList.Of(502), null, null, At)));

        Assert.Contains("""retryPolicy":{"retryOn":"retriable-status-codes,connect-failure,reset,refused-stream","retriableStatusCodes":[502]}""", json);
    }

    [Fact]
    public void Build_EveryFeature_PassesEnvoyValidation()
    {
        var rule = new BoundRuleSpec(
            [Backend("a", 80, weight: 0), Backend("b", 80, filters: new HeaderModifierFilter(HeaderDirection.Response, ValueList<HeaderValue>.Empty, ValueList<HeaderValue>.Empty, ValueList.Of("x-b"), At))],
            Filters: [new UrlRewriteFilter("h.example", new PathModifier(PathModifierKind.ReplacePrefixMatch, "/", At), At)],
            Mirrors: [Mirror("m", 80, 1, 2)],
            Timeouts: new RouteTimeouts(TimeSpan.FromSeconds(5), null, At),
            Retry: new RetryPolicy(ValueList.Of(503), 2, TimeSpan.FromSeconds(1), At)).Build();

        AssertValid(Translate(Attach("r", [rule, Rule(1, [Match(Exact("/gone"))], [])])));
    }
}

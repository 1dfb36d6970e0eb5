using Envoy.Config.Route.V3;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Routing;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Routing;

/// <summary>Which outcomes each retry_on value retries (envoy-semantics.md §1.7), and where mirror policies come from.</summary>
public sealed class RetryAndMirrorPolicyTests
{
    private static RetrySpec Spec(string retryOn, params uint[] codes)
    {
        var policy = new RetryPolicy { RetryOn = retryOn };
        policy.RetriableStatusCodes.AddRange(codes);
        return RetrySpec.From(policy)!;
    }

    [Theory]
    [InlineData("5xx", 500, true)]
    [InlineData("5xx", 503, true)]
    [InlineData("5xx", 409, false)]
    [InlineData("gateway-error", 500, false)]
    [InlineData("gateway-error", 502, true)]
    [InlineData("gateway-error", 504, true)]
    [InlineData("retriable-4xx", 409, true)]
    [InlineData("retriable-4xx", 404, false)]
    [InlineData("retriable-status-codes", 418, true)]
    [InlineData("retriable-status-codes", 500, false)]
    [InlineData("reset", 503, false)]
    [InlineData("connect-failure", 503, false)]
    [InlineData("reset,retriable-4xx", 409, true)]
    public void Retry_ResponseStatus_RetriedPerRetryOn(string retryOn, int status, bool retried) =>
        Assert.Equal(retried, AttemptOutcome.Status(status).Retriable(Spec(retryOn, 418)));

    [Theory]
    [InlineData("5xx", true, true, true)]
    [InlineData("gateway-error", true, true, true)]
    [InlineData("reset", true, true, false)]
    [InlineData("connect-failure", true, false, false)]
    [InlineData("retriable-4xx", false, false, false)]
    [InlineData("retriable-status-codes", false, false, false)]
    public void Retry_NoResponse_ConnectFailureResetAndPerTryTimeoutPerRetryOn(string retryOn, bool connectFailure, bool reset, bool perTryTimeout)
    {
        var spec = Spec(retryOn);
        Assert.Equal(connectFailure, AttemptOutcome.ConnectFailure.Retriable(spec));
        Assert.Equal(reset, AttemptOutcome.Reset.Retriable(spec));
        Assert.Equal(perTryTimeout, AttemptOutcome.PerTryTimeout.Retriable(spec));
        Assert.False(AttemptOutcome.RouteTimeout.Retriable(spec));
    }

    [Fact]
    public void Mirror_MostSpecificNonEmptyList_Wins()
    {
        var table = Routes.Table("""
            [{"name":"vh","domains":["vh.example"],"requestMirrorPolicies":[{"cluster":"vhost-shadow"}],"routes":[
               {"match":{"prefix":"/own"},"route":{"cluster":"c","requestMirrorPolicies":[{"cluster":"route-shadow","runtimeFraction":{"defaultValue":{"numerator":5,"denominator":"TEN_THOUSAND"}}}]}},
               {"match":{"prefix":"/"},"route":{"cluster":"c"}}]},
             {"name":"other","domains":["*"],"routes":[
               {"match":{"prefix":"/rewritten"},"route":{"cluster":"c","hostRewriteLiteral":"backend.local"}},
               {"match":{"prefix":"/"},"route":{"cluster":"c"}}]}]
            """, """ "requestMirrorPolicies":[{"cluster":"table-shadow"}], """);
        MirrorSpec Only(string path, string host) =>
            Assert.Single(Assert.IsType<ForwardDecision>(table.Route(Routes.Request(path, host), () => 0, corsFilter: null)).Mirrors);
        Assert.Equal(new MirrorSpec("route-shadow", "", 5, 10_000, false), Only("/own", "vh.example"));
        Assert.Equal(new MirrorSpec("vhost-shadow", "", 100, 100, false), Only("/x", "vh.example"));
        Assert.Equal(new MirrorSpec("table-shadow", "", 100, 100, false), Only("/x", "other.example"));
        // A literal host rewrite implies disable_shadow_host_suffix_append.
        Assert.True(Only("/rewritten", "other.example").KeepHost);
    }
}

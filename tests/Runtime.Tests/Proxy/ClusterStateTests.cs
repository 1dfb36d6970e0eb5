using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Tests.Proxy;

public sealed class ClusterStateTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly EndpointModel A = new("127.0.0.1", 1001);
    private static readonly EndpointModel B = new("127.0.0.1", 1002);

    private static ClusterModel Cluster(uint maxEjectionPercent = 50, bool split = true, string lb = "RoundRobin") => new(
        "c", [A, B], lb, TimeSpan.FromSeconds(5), null,
        new OutlierSettings(5, 100, 5, 0, 2, 100, split, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(300),
            maxEjectionPercent, false));

    [Fact]
    public void Outlier_TwoLocalOriginFailures_EjectTheHostAndTrafficMovesOn()
    {
        var stats = new ProxyStats();
        var state = new ClusterState("c", stats, new ManualTime());
        var cluster = Cluster();
        state.Report(cluster, A, localOriginFailure: true, timeout: false, status: 0);
        Assert.False(state.IsEjected(A));
        state.Report(cluster, A, localOriginFailure: true, timeout: false, status: 0);
        Assert.True(state.IsEjected(A));
        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(B, state.Pick(cluster)));
        Assert.Equal(1, stats.Get("cluster.c.outlier_detection.ejections_active"));
        Assert.Equal(1, stats.Get("cluster.c.outlier_detection.ejections_enforced_consecutive_local_origin_failure"));
    }

    [Fact]
    public void Outlier_DefaultMaxEjectionPercentWithTwoHosts_NeverEjects()
    {
        var stats = new ProxyStats();
        var state = new ClusterState("c", stats, new ManualTime());
        var cluster = Cluster(maxEjectionPercent: 10);
        state.Report(cluster, A, true, false, 0);
        state.Report(cluster, A, true, false, 0);
        Assert.False(state.IsEjected(A)); // 100 * (0 + 1) / 2 = 50 > 10
        Assert.Equal(1, stats.Get("cluster.c.outlier_detection.ejections_overflow"));
    }

    [Fact]
    public void Outlier_ConnectSuccessInBetween_ResetsTheLocalOriginCount()
    {
        var state = new ClusterState("c", new ProxyStats(), new ManualTime());
        var cluster = Cluster();
        state.Report(cluster, A, true, false, 0);
        state.Report(cluster, A, false, false, 503); // connected: resets local-origin failures; 5xx counted separately
        state.Report(cluster, A, true, false, 0);
        Assert.False(state.IsEjected(A));
    }

    [Fact]
    public void Outlier_Ejection_EndsOnTheFirstIntervalTickAfterTheBaseTime()
    {
        var time = new ManualTime();
        var state = new ClusterState("c", new ProxyStats(), time);
        var cluster = Cluster();
        time.Now += TimeSpan.FromSeconds(5);
        state.Report(cluster, A, true, false, 0);
        state.Report(cluster, A, true, false, 0);
        time.Now += TimeSpan.FromSeconds(34); // 39 s after start: 30 s have passed, but the next tick is at 40 s
        state.Pick(cluster);
        Assert.True(state.IsEjected(A));
        time.Now += TimeSpan.FromSeconds(1);
        state.Pick(cluster);
        Assert.False(state.IsEjected(A));
    }

    [Fact]
    public void Outlier_WithoutSplit_LocalFailuresCountAs5xxAndNeedFive()
    {
        var state = new ClusterState("c", new ProxyStats(), new ManualTime());
        var cluster = Cluster(split: false);
        for (var i = 0; i < 4; i++) state.Report(cluster, A, true, false, 0);
        Assert.False(state.IsEjected(A));
        state.Report(cluster, A, false, false, 200); // a success resets the count
        for (var i = 0; i < 4; i++) state.Report(cluster, A, true, false, 0);
        Assert.False(state.IsEjected(A));
        state.Report(cluster, A, false, false, 500);
        Assert.True(state.IsEjected(A));
    }

    [Fact]
    public void Lb_AllHostsEjected_PanicModeStillBalancesOverAll()
    {
        var state = new ClusterState("c", new ProxyStats(), new ManualTime());
        var cluster = Cluster(maxEjectionPercent: 100);
        foreach (var e in new[] { A, B }) { state.Report(cluster, e, true, false, 0); state.Report(cluster, e, true, false, 0); }
        Assert.True(state.IsEjected(A) && state.IsEjected(B));
        Assert.Equal(new[] { A, B }.ToHashSet(), Enumerable.Range(0, 4).Select(_ => state.Pick(cluster)!).ToHashSet());
    }

    [Fact]
    public void Lb_RoundRobin_Alternates()
    {
        var state = new ClusterState("c", new ProxyStats(), new ManualTime());
        Assert.Equal([A, B, A, B], Enumerable.Range(0, 4).Select(_ => state.Pick(Cluster())!).ToArray());
    }

    [Fact]
    public void Lb_LeastRequest_PrefersTheLessBusyHost()
    {
        var state = new ClusterState("c", new ProxyStats(), new ManualTime());
        var cluster = Cluster(lb: "LeastRequest");
        state.Host(A).Active = 5;
        var toB = Enumerable.Range(0, 400).Count(_ => state.Pick(cluster) == B);
        // Two random choices: A wins only when both draws are A (p = 1/4), so B is expected 300 times (sd ≈ 8.7).
        Assert.InRange(toB, 260, 340);
    }

    [Fact]
    public void Lb_Random_ReachesEveryHealthyHostOnly()
    {
        var state = new ClusterState("c", new ProxyStats(), new ManualTime());
        var cluster = Cluster(lb: "Random") with { Endpoints = [A, B, new EndpointModel("127.0.0.1", 1003)] };
        var c = cluster.Endpoints[2];
        state.Report(cluster, c, true, false, 0);
        state.Report(cluster, c, true, false, 0);
        var picked = Enumerable.Range(0, 200).Select(_ => state.Pick(cluster)!).ToHashSet();
        Assert.Equal(new[] { A, B }.ToHashSet(), picked);
    }
}

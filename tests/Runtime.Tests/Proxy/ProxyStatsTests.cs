using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Tests.Proxy;

public sealed class ProxyStatsTests
{
    [Fact]
    public void Increment_ByPartsAndByName_CountTheSameStat()
    {
        var stats = new ProxyStats();
        stats.Increment(StatScope.Cluster, "c1", "upstream_rq_total");
        stats.Increment("cluster.c1.upstream_rq_total");
        stats.CountDownstream("ingress", 404);
        stats.CountUpstreamResponse("c1", 503);
        Assert.Equal(2, stats.Get("cluster.c1.upstream_rq_total"));
        Assert.Equal(1, stats.Get("http.ingress.downstream_rq_4xx"));
        Assert.Equal(1, stats.Get("cluster.c1.upstream_rq_503"));
        Assert.Equal(0, stats.Get("http.ingress.downstream_rq_2xx"));
        Assert.DoesNotContain(stats.Snapshot(), kv => kv.Key == "http.ingress.downstream_rq_2xx");
    }

    [Fact]
    public void Increment_FromManyThreads_LosesNoCount()
    {
        var stats = new ProxyStats();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 10_000; i++) stats.CountDownstream("p", 200);
        });
        Assert.Equal(80_000, stats.Get("http.p.downstream_rq_total"));
        Assert.Equal(80_000, stats.Get("http.p.downstream_rq_2xx"));
    }

    [Fact]
    public void Set_Gauge_IsReportedAsGauge()
    {
        var stats = new ProxyStats();
        stats.Set("cluster.c.outlier_detection.ejections_active", 2);
        stats.Increment("cluster.c.upstream_rq_total");
        Assert.True(stats.IsGauge("cluster.c.outlier_detection.ejections_active"));
        Assert.False(stats.IsGauge("cluster.c.upstream_rq_total"));
        Assert.Equal(["cluster.c.outlier_detection.ejections_active", "cluster.c.upstream_rq_total"], stats.Snapshot().Select(kv => kv.Key));
    }
}

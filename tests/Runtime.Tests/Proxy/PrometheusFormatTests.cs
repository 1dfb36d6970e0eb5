using Meshc.Runtime.Admin;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>Envoy's default tag extraction and Prometheus text for the stats the runtime keeps.</summary>
public sealed class PrometheusFormatTests
{
    [Theory]
    [InlineData("http.ingress.downstream_rq_2xx", "envoy_http_downstream_rq_xx", "envoy_response_code_class=2,envoy_http_conn_manager_prefix=ingress")]
    [InlineData("http.ingress.downstream_rq_total", "envoy_http_downstream_rq_total", "envoy_http_conn_manager_prefix=ingress")]
    [InlineData("http.a.b.no_route", "envoy_http_b_no_route", "envoy_http_conn_manager_prefix=a")]
    [InlineData("cluster.ns/svc:80.upstream_rq_503", "envoy_cluster_upstream_rq", "envoy_response_code=503,envoy_cluster_name=ns/svc:80")]
    [InlineData("cluster.c.outlier_detection.ejections_active", "envoy_cluster_outlier_detection_ejections_active", "envoy_cluster_name=c")]
    [InlineData("cluster.svc.ns.upstream_rq_total", "envoy_cluster_ns_upstream_rq_total", "envoy_cluster_name=svc")]
    public void Extract_DefaultTagSpecifiers_CutTheTagsFromTheName(string stat, string metric, string tags)
    {
        var (name, found) = PrometheusFormat.Extract(stat);
        Assert.Equal(metric, name);
        Assert.Equal(tags, string.Join(",", found.Select(t => $"{t.Tag}={t.Value}")));
    }

    [Fact]
    public void Format_Families_AreSortedTypedAndEscaped()
    {
        var text = PrometheusFormat.Format([
            ("cluster.b.upstream_rq_total", 3, false),
            ("cluster.a\"x.upstream_rq_total", 1, false),
            ("cluster.a.outlier_detection.ejections_active", 0, true),
        ]);
        Assert.Equal("""
            # TYPE envoy_cluster_outlier_detection_ejections_active gauge
            envoy_cluster_outlier_detection_ejections_active{envoy_cluster_name="a"} 0

            # TYPE envoy_cluster_upstream_rq_total counter
            envoy_cluster_upstream_rq_total{envoy_cluster_name="a\"x"} 1
            envoy_cluster_upstream_rq_total{envoy_cluster_name="b"} 3


            """.ReplaceLineEndings("\n"), text);
    }
}

using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Ir;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.Bound;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.EnvoyResources;
using UpstreamHttpOptions = Envoy.Extensions.Upstreams.Http.V3.HttpProtocolOptions;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

public class ClusterBuilderTests
{
    private static UpstreamHttpOptions Protocol(Envoy.Config.Cluster.V3.Cluster cluster) =>
        cluster.TypedExtensionProtocolOptions[ClusterBuilder.HttpProtocolOptionsKey].Unpack<UpstreamHttpOptions>();

    [Fact]
    public void Build_GrpcRouteBackend_UsesExplicitHttp2()
    {
        var cec = Translate(Attach("g", [Rule(0, [GrpcMatch("svc.Echo", null)], [Backend("grpc", 9000)])], kind: RouteKind.Grpc));

        Assert.Equal("""{"http2ProtocolOptions":{}}""", Json(Protocol(Clusters(cec).Single()).ExplicitHttpConfig));
        AssertValid(cec);
    }

    [Fact]
    public void Build_H2cAppProtocol_UsesExplicitHttp2()
    {
        var cec = Translate(Attach("r", [Rule(0, [Match()], [Backend("h2c", 80, appProtocol: "kubernetes.io/h2c"), Backend("plain", 80)])]));

        var clusters = Clusters(cec);
        Assert.NotNull(Protocol(clusters[0]).ExplicitHttpConfig?.Http2ProtocolOptions);
        Assert.Null(Protocol(clusters[1]).ExplicitHttpConfig);
        Assert.NotNull(Protocol(clusters[1]).UseDownstreamProtocolConfig);
    }

    [Fact]
    public void Build_SameServiceFromHttpAndGrpc_OneClusterWithHttp2()
    {
        var cec = Translate(
            Attach("h", [Rule(0, [Match()], [Backend("both", 80)])]),
            Attach("g", [Rule(0, [GrpcMatch("s", "m")], [Backend("both", 80)])], kind: RouteKind.Grpc));

        var cluster = Clusters(cec).Single();
        Assert.NotNull(Protocol(cluster).ExplicitHttpConfig);
    }

    [Fact]
    public void Build_MirrorsRedirectsAndDuplicates_OneClusterPerTargetSortedByName()
    {
        var redirect = new RequestRedirectFilter(null, "example.com", null, null, 302, At);
        var cec = Translate(Attach("r", [
            Rule(0, [Match(Prefix("/a"))], [Backend("zeta", 80), Backend("alpha", 8080)], mirrors: [Mirror("mirror", 80)]),
            Rule(1, [Match(Prefix("/b"))], [Backend("alpha", 8080)]),
            Rule(2, [Match(Prefix("/c"))], [Backend("redirected", 80)], [redirect]),
            Rule(3, [Match(Prefix("/d"))], [Backend("alpha", 80)], timeouts: null, retry: null),
        ]));

        Assert.Equal(["default:alpha:80", "default:alpha:8080", "default:mirror:80", "default:redirected:80", "default:zeta:80"],
            Clusters(cec).Select(c => c.Name));
    }

    [Fact]
    public void Build_UpstreamIdleTimeoutOption_SetsIdleTimeout()
    {
        var cluster = ClusterBuilder.Build(new global::Meshc.Compiler.Semantics.ServiceTarget("ns", "svc", 80, null), http2: false,
            CompilationOptions.Default with { UpstreamIdleTimeout = TimeSpan.FromSeconds(90) });

        Assert.Equal("90s", Json(Protocol(cluster).CommonHttpProtocolOptions.IdleTimeout).Trim('"'));
        Assert.Equal(("ns:svc:80", "ns/svc:80"), (cluster.Name, cluster.EdsClusterConfig.ServiceName));
    }
}

using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Agent;

public sealed class CrossReferenceTests
{
    /// <summary>The Service the configs below redirect: without it the passes stop the compilation before the back end.</summary>
    private const string WebService = """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: default}
        spec: {ports: [{port: 80}]}
        """;

    private static EmitResult Emit(string yaml) =>
        Compilation.Create([new SourceText("cec.yaml", yaml), new SourceText("web.yaml", WebService)]).Emit(EmitTargets.Xds);

    private const string Head = """
        apiVersion: cilium.io/v2
        kind: CiliumEnvoyConfig
        metadata: { name: cec, namespace: default }
        spec:
        """;

    private const string HcmListener = """
            - "@type": type.googleapis.com/envoy.config.listener.v3.Listener
              name: web
              filter_chains:
                - filters:
                    - name: envoy.filters.network.http_connection_manager
                      typed_config:
                        "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                        stat_prefix: web
                        rds: { route_config_name: routes }
                        http_filters:
                          - name: envoy.filters.http.router
                            typed_config: { "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router }
        """;

    private static string Routes(string cluster) => $$"""
            - "@type": type.googleapis.com/envoy.config.route.v3.RouteConfiguration
              name: routes
              virtual_hosts:
                - name: all
                  domains: ["*"]
                  routes: [{ match: { prefix: "/" }, route: { cluster: {{cluster}} } }]
        """;

    private const string Cluster = """
            - "@type": type.googleapis.com/envoy.config.cluster.v3.Cluster
              name: backend
              type: STATIC
              load_assignment:
                cluster_name: backend
                endpoints: [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: 10.0.0.1, port_value: 80 } } } }] }]
        """;

    [Fact]
    public void Complete_RouteToUnknownCluster_ReportsMC0220AtTheRouteConfiguration()
    {
        var result = Emit(Head + "\n  resources:\n" + HcmListener + "\n" + Routes("backnd") + "\n" + Cluster);

        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.EnvoyUnknownCluster.Code);
        Assert.Equal(new SourceLocation("cec.yaml", 18, 7), d.Location);
        Assert.Contains("'default/cec/routes'", d.Message);
        Assert.Contains("'default/cec/backnd'", d.Message);
        Assert.Equal("did you mean 'default/cec/backend'?", d.Hint);
        Assert.Null(result.Bundle);
    }

    [Fact]
    public void Complete_RouteToLocalCluster_ResolvesAfterQualification()
    {
        var result = Emit(Head + "\n  resources:\n" + HcmListener + "\n" + Routes("backend") + "\n" + Cluster);

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("\"cluster\": \"default/cec/backend\"", result.Bundle!.ReadText("xds/routes.json"));
    }

    [Fact]
    public void Complete_HcmWithUnknownRouteConfig_ReportsMC0221AtTheListener()
    {
        var result = Emit(Head + "\n  resources:\n" + HcmListener + "\n" + Cluster);

        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.EnvoyUnknownRouteConfig.Code);
        Assert.Equal(new SourceLocation("cec.yaml", 6, 7), d.Location);
        Assert.Contains("listener 'default/cec/web'", d.Message);
        Assert.Contains("'default/cec/routes'", d.Message);
    }

    [Fact]
    public void Complete_ServiceBoundToUnknownListener_ReportsMC0223AtTheServiceEntry()
    {
        var result = Emit(Head + """

              services:
                - name: web
                  listener: wbe
              resources:

            """ + HcmListener + "\n" + Routes("backend") + "\n" + Cluster);

        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.EnvoyListenerNotFound.Code);
        Assert.Equal(new SourceLocation("cec.yaml", 6, 7), d.Location);
        Assert.Contains("'default/web'", d.Message);
        Assert.Contains("listener 'wbe'", d.Message);
        Assert.StartsWith("did you mean 'default/cec/web'?", d.Hint);
    }

    [Fact]
    public void Complete_ServicesWithoutAnyListener_ReportsMC0223()
    {
        var result = Emit(Head + "\n  services: [{ name: web }]\n  resources:\n" + Cluster);

        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.EnvoyListenerNotFound.Code);
        Assert.Contains("there is none", d.Hint);
    }

    [Fact]
    public void Complete_TwoClustersWithOneName_ReportsMC0317AtTheSecond()
    {
        var result = Emit(Head + "\n  resources:\n" + Cluster + "\n" + Cluster);

        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.DuplicateEnvoyResource.Code);
        Assert.Equal(new SourceLocation("cec.yaml", 12, 7), d.Location);
        Assert.Contains("Cluster 'default/cec/backend'", d.Message);
        Assert.Contains("cec.yaml:6:7", d.Message);
    }

    [Fact]
    public void Complete_GlobalClusterInTwoCecs_ReportsMC0317()
    {
        const string Global = """
                - "@type": type.googleapis.com/envoy.config.cluster.v3.Cluster
                  name: default/shared
                  type: EDS
            """;
        var result = Compilation.Create([
            new SourceText("a.yaml", Head + "\n  resources:\n" + Global),
            new SourceText("b.yaml", Head.Replace("name: cec", "name: other") + "\n  resources:\n" + Global),
        ]).Emit(EmitTargets.Xds);

        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.DuplicateEnvoyResource.Code);
        Assert.Equal("b.yaml", d.Location.Path);
    }

    [Fact]
    public void Complete_EdsClusterNothingFeeds_WarnsMC0250AndWritesAnEmptyAssignment()
    {
        var result = Emit(Head + """

              resources:
                - "@type": type.googleapis.com/envoy.config.cluster.v3.Cluster
                  name: orphan
                  type: EDS
            """);

        var d = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.EnvoyEndpointsMissing.Code);
        Assert.Equal(new SourceLocation("cec.yaml", 6, 7), d.Location);
        Assert.NotNull(result.Bundle!.Find("xds/endpoints/default%2Fcec%2Forphan.json"));
    }
}

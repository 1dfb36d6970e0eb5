using System.Text.Json.Nodes;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Cilium;

public sealed class EnvoyResourceReaderTests
{
    private const string ClusterHead = """
            - "@type": type.googleapis.com/envoy.config.cluster.v3.Cluster
              name: backend
              connect_timeout: 5s
              type: EDS
        """;

    [Fact]
    public void Read_BookstoreCanary_ReadsFourResourcesWithOnlyTheTotalWeightWarning()
    {
        var result = Compilation.Create(CecInputs.Bookstore()).Check();

        var warning = Assert.Single(result.Diagnostics.Where(d => d.Severity != Severity.Info));
        Assert.Equal(DiagnosticCatalog.EnvoyDeprecatedField.Code, warning.Code);
        Assert.Equal(new SourceLocation("bookstore-canary/03-cilium-envoy-config.yaml", 42, 19), warning.Location);
        var cec = Assert.Single(result.Model.EnvoyConfigs);
        Assert.Equal(
            ["bookstore-listener", "bookstore-route", "default/bookstore-v1", "default/bookstore-v2"],
            cec.Resources.Select(r => r.Name));
        var route = JsonNode.Parse(cec.Resources[1].Json)!;
        var weighted = route["virtualHosts"]![0]!["routes"]![0]!["route"]!["weightedClusters"]!;
        Assert.Null(weighted["totalWeight"]);
        Assert.Equal(90, (int)weighted["clusters"]![0]!["weight"]!);
    }

    [Fact]
    public void Read_MisspeltFilterChains_ReportsMC0107AtTheKeyWithSuggestion()
    {
        var result = CecInputs.Check(CecInputs.OneResource("""
                - "@type": type.googleapis.com/envoy.config.listener.v3.Listener
                  name: l
                  filter_chain: []
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.EnvoyUnknownField);
        Assert.Equal(new SourceLocation("cec.yaml", 10, 7), d.Location);
        Assert.Contains("'filter_chain'", d.Message);
        Assert.Contains("envoy.config.listener.v3.Listener", d.Message);
        Assert.Equal("did you mean 'filter_chains'?", d.Hint);
        Assert.True(result.HasErrors);
        Assert.Empty(result.Model.EnvoyConfigs.Single().Resources);
    }

    [Fact]
    public void Read_MisspeltOutlierField_ReportsMC0107InTheNestedType()
    {
        var result = CecInputs.Check(CecInputs.OneResource(ClusterHead + """

                  outlier_detection:
                    consecutive_local_origin_failures: 2
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.EnvoyUnknownField);
        Assert.Equal(new SourceLocation("cec.yaml", 13, 9), d.Location);
        Assert.Contains("envoy.config.cluster.v3.OutlierDetection", d.Message);
        Assert.Equal("did you mean 'consecutive_local_origin_failure'?", d.Hint);
    }

    [Fact]
    public void Read_CamelCaseKeys_AreAcceptedAsEnvoyDoes()
    {
        var result = CecInputs.Check(CecInputs.OneResource("""
                - "@type": type.googleapis.com/envoy.config.cluster.v3.Cluster
                  name: backend
                  connectTimeout: 5s
                  lbPolicy: LEAST_REQUEST
                  outlierDetection: { consecutiveLocalOriginFailur: 2 }
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.EnvoyUnknownField);
        Assert.Equal("did you mean 'consecutiveLocalOriginFailure'?", d.Hint);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void Read_UnsupportedResourceType_ReportsMC0109AtTheTypeWithSuggestion()
    {
        var result = CecInputs.Check(CecInputs.OneResource("""
                - "@type": type.googleapis.com/envoy.config.cluster.v3.Clustr
                  name: backend
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.EnvoyUnknownType);
        Assert.Equal(new SourceLocation("cec.yaml", 8, 16), d.Location);
        Assert.Equal("did you mean 'type.googleapis.com/envoy.config.cluster.v3.Cluster'?", d.Hint);
    }

    [Fact]
    public void Read_UnknownTypedConfigType_ReportsMC0109AtItsType()
    {
        var result = CecInputs.Check(CecInputs.OneResource("""
                - "@type": type.googleapis.com/envoy.config.listener.v3.Listener
                  name: l
                  filter_chains:
                    - filters:
                        - name: hcm
                          typed_config:
                            "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManagr
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.EnvoyUnknownType);
        Assert.Equal(new SourceLocation("cec.yaml", 14, 26), d.Location);
        Assert.Equal("did you mean 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager'?", d.Hint);
    }

    [Fact]
    public void Read_FieldInsideTypedConfig_IsCheckedAgainstThePayloadType()
    {
        var result = CecInputs.Check(CecInputs.OneResource("""
                - "@type": type.googleapis.com/envoy.config.listener.v3.Listener
                  name: l
                  filter_chains:
                    - filters:
                        - name: hcm
                          typed_config:
                            "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                            stat_prefx: x
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.EnvoyUnknownField);
        Assert.Equal(new SourceLocation("cec.yaml", 15, 17), d.Location);
        Assert.Equal("did you mean 'stat_prefix'?", d.Hint);
    }

    [Fact]
    public void Read_UnknownEnumName_ReportsMC0108AtTheValue()
    {
        var result = CecInputs.Check(CecInputs.OneResource(ClusterHead + """

                  lb_policy: ROUND_ROBN
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.EnvoyInvalidResource);
        Assert.Equal(new SourceLocation("cec.yaml", 12, 18), d.Location);
        Assert.Contains("lb_policy: 'ROUND_ROBN' is not a value of envoy.config.cluster.v3.Cluster.LbPolicy", d.Message);
        Assert.Equal("did you mean 'ROUND_ROBIN'?", d.Hint);
    }

    [Fact]
    public void Read_TwoMembersOfOneOneof_ReportsMC0108AtTheSecond()
    {
        var result = CecInputs.Check(CecInputs.OneResource("""
                - "@type": type.googleapis.com/envoy.config.route.v3.RouteConfiguration
                  name: r
                  virtual_hosts:
                    - name: vh
                      domains: ["*"]
                      routes:
                        - match: { prefix: "/" }
                          route:
                            cluster: a
                            weighted_clusters: { clusters: [{ name: a, weight: 1 }] }
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.EnvoyInvalidResource);
        Assert.Equal(new SourceLocation("cec.yaml", 17, 17), d.Location);
        Assert.Contains("'cluster' and 'weighted_clusters' are both set", d.Message);
    }

    [Fact]
    public void Read_ValueTheParserRejects_ReportsMC0108AtThatValue()
    {
        var result = CecInputs.Check(CecInputs.OneResource("""
                - "@type": type.googleapis.com/envoy.config.cluster.v3.Cluster
                  name: backend
                  outlier_detection:
                    interval: 10
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.EnvoyInvalidResource);
        Assert.Equal(new SourceLocation("cec.yaml", 11, 19), d.Location);
        Assert.StartsWith("Envoy Cluster 'backend' is invalid: outlier_detection.interval: ", d.Message);
    }

    [Fact]
    public void Read_ValidatorRuleBroken_ReportsMC0108AtTheField()
    {
        var result = CecInputs.Check(CecInputs.OneResource("""
                - "@type": type.googleapis.com/envoy.config.route.v3.RouteConfiguration
                  name: r
                  virtual_hosts:
                    - name: vh
                      domains: ["*"]
                      routes:
                        - match: { prefix: "/" }
                          route:
                            weighted_clusters: { clusters: [] }
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.EnvoyInvalidResource);
        Assert.Equal(new SourceLocation("cec.yaml", 16, 48), d.Location);
        Assert.Contains("virtual_hosts[0].routes[0].route.weighted_clusters.clusters", d.Message);
        Assert.Contains("repeated.min_items", d.Message);
    }

    [Fact]
    public void Read_MissingName_ReportsMC0105()
    {
        var result = CecInputs.Check(CecInputs.OneResource("""
                - "@type": type.googleapis.com/envoy.config.listener.v3.Listener
                  filter_chains: []
            """));

        var d = CecInputs.Single(result, DiagnosticCatalog.MissingField);
        Assert.Contains("'name'", d.Message);
    }
}

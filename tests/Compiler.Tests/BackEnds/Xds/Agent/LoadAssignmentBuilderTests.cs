using Envoy.Config.Endpoint.V3;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.BackEnds.Xds.Agent;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Agent;

public sealed class LoadAssignmentBuilderTests
{
    private const string Objects = """
        apiVersion: v1
        kind: Service
        metadata: { name: shop, namespace: store }
        spec:
          ports:
            - { name: http, port: 80, targetPort: web }
            - { name: admin, port: 9000, targetPort: 9090 }
            - { name: dns, port: 53, protocol: UDP }
        ---
        apiVersion: discovery.k8s.io/v1
        kind: EndpointSlice
        metadata:
          name: shop-1
          namespace: store
          labels: { kubernetes.io/service-name: shop }
        addressType: IPv4
        ports:
          - { name: http, port: 8080 }
          - { name: admin, port: 9090 }
          - { name: dns, port: 5353, protocol: UDP }
        endpoints:
          - addresses: ["10.1.0.2"]
          - addresses: ["10.1.0.1"]
          - addresses: ["10.1.0.3"]
            conditions: { ready: false }
        """;

    private static MeshModel Model(string extra = "") =>
        Compilation.Create([new SourceText("objects.yaml", Objects + extra)]).Model;

    private static CecModel Cec(params EnvoyBackendServiceRef[] backends) =>
        new("store", "cec", false, [], backends, [], [], [], SourceLocation.None);

    private static EnvoyBackendServiceRef Backend(params string[] ports) =>
        new("shop", "store", ports.ToValueList(), SourceLocation.None);

    private static Dictionary<string, string[]> Build(MeshModel model, params CecModel[] cecs) =>
        LoadAssignmentBuilder.Build(cecs, model).ToDictionary(r => r.Name, r => ((ClusterLoadAssignment)r.Message).Endpoints
            .SelectMany(l => l.LbEndpoints)
            .Select(e => $"{e.Endpoint.Address.SocketAddress.Address}:{e.Endpoint.Address.SocketAddress.PortValue}")
            .ToArray());

    [Fact]
    public void Build_PortByNumberAndByName_MapsToTheSlicePortOfTheSameName()
    {
        var assignments = Build(Model(), Cec(Backend("80", "admin")));

        Assert.Equal(["store/shop:80", "store/shop:admin"], assignments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["10.1.0.1:8080", "10.1.0.2:8080"], assignments["store/shop:80"]);
        Assert.Equal(["10.1.0.1:9090", "10.1.0.2:9090"], assignments["store/shop:admin"]);
    }

    [Fact]
    public void Build_NoPortsListed_PublishesEveryTcpPortAndTheAnyPortNames()
    {
        var assignments = Build(Model(), Cec(Backend()));

        Assert.Equal(["store/shop", "store/shop:*", "store/shop:80", "store/shop:9000"], assignments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["10.1.0.1:8080", "10.1.0.1:9090", "10.1.0.2:8080", "10.1.0.2:9090"], assignments["store/shop"]);
        Assert.Equal(assignments["store/shop"], assignments["store/shop:*"]);
    }

    [Fact]
    public void Build_UdpPort_HasNoEndpoints()
    {
        var assignments = Build(Model(), Cec(Backend("53", "dns")));

        Assert.Empty(assignments["store/shop:53"]);
        Assert.Empty(assignments["store/shop:dns"]);
    }

    [Fact]
    public void Build_PortsFromSeveralCecs_AreUnited()
    {
        var assignments = Build(Model(), Cec(Backend("80")), Cec(Backend("9000")) with { Name = "other" });

        Assert.Equal(["store/shop:80", "store/shop:9000"], assignments.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_OnlyTerminatingEndpoints_UsesThem()
    {
        const string Terminating = """

            ---
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: old
              namespace: store
              labels: { kubernetes.io/service-name: old }
            addressType: IPv4
            ports: [{ port: 80 }]
            endpoints:
              - addresses: ["10.2.0.1"]
                conditions: { ready: false, serving: true, terminating: true }
              - addresses: ["10.2.0.2"]
                conditions: { ready: false, serving: false, terminating: true }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: old, namespace: store }
            spec: { ports: [{ port: 80 }] }
            """;
        var cec = Cec(new EnvoyBackendServiceRef("old", "store", ValueList.Of("80"), SourceLocation.None));

        var assignments = Build(Model(Terminating), cec);

        Assert.Equal(["10.2.0.1:80"], assignments["store/old:80"]);
    }

    [Fact]
    public void Complete_GatewayStyleCec_QualifiesItsClustersAndFeedsTheirEdsNames()
    {
        var cluster = new Envoy.Config.Cluster.V3.Cluster
        {
            Name = "store:shop:80",
            Type = Envoy.Config.Cluster.V3.Cluster.Types.DiscoveryType.Eds,
            EdsClusterConfig = new Envoy.Config.Cluster.V3.Cluster.Types.EdsClusterConfig { ServiceName = "store/shop:80" },
        };
        var cec = Cec(Backend("80")) with { Name = "cilium-gateway-gw", Resources = [cluster] };
        var diagnostics = new DiagnosticBag();

        var snapshot = AgentCompletion.Complete([cec], Model(), CompilationOptions.Default, diagnostics);

        Assert.Equal(0, diagnostics.Count);
        var completed = (Envoy.Config.Cluster.V3.Cluster)Assert.Single(snapshot.Clusters).Message;
        Assert.Equal("store/cilium-gateway-gw/store:shop:80", completed.Name);
        Assert.Equal(XdsFiles.Endpoint("store/shop:80"), completed.EdsClusterConfig.EdsConfig.PathConfigSource.Path);
        Assert.Contains(snapshot.Endpoints, e => e.Name == "store/shop:80");
        Assert.Equal("store:shop:80", cluster.Name);
    }
}

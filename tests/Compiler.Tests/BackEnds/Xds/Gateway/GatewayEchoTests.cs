using Envoy.Config.Cluster.V3;
using EnvoyListener = Envoy.Config.Listener.V3.Listener;
using Envoy.Config.Route.V3;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Ir;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.EnvoyResources;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

/// <summary>The gateway-echo scenario (my-example-gateway, example-route-1 at 90/10) compared with Cilium's output shape.</summary>
public class GatewayEchoTests
{
    private static CecModel Translate()
    {
        var dir = Scenario.Root + "/gateway-echo/";
        var model = Scenario.Read(dir + "01-echo-workloads.yaml", dir + "02-gateway-and-route-50-50.yaml", dir + "03-route-90-10.yaml");
        return GatewayTranslator.Translate(Scenario.Bind(model, "my-example-gateway"), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_GatewayEcho_NamesCecAndServicesAsCilium()
    {
        var cec = Translate();

        Assert.Equal(("default", "cilium-gateway-my-example-gateway", false), (cec.Namespace, cec.Name, cec.Clusterwide));
        var service = Assert.Single(cec.Services);
        Assert.Equal(("cilium-gateway-my-example-gateway", "default", ""), (service.Name, service.Namespace, service.Listener));
        Assert.Equal([80], service.Ports);
        Assert.Equal(["default/echo-1:8080", "default/echo-2:8080"],
            cec.BackendServices.Select(b => $"{b.Namespace}/{b.Name}:{string.Join(",", b.Ports)}"));
        Assert.Equal([new Label("gateway.networking.k8s.io/gateway-name", "my-example-gateway")], cec.Labels);
        Assert.Equal([new Label("cec.cilium.io/use-original-source-address", "false")], cec.Annotations);
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_GatewayEcho_OrdersResourcesListenerRouteConfigClusters()
    {
        var cec = Translate();

        Assert.Equal(
            ["Listener listener", "RouteConfiguration listener-insecure", "Cluster default:echo-1:8080", "Cluster default:echo-2:8080"],
            cec.Resources.Select(r => r switch
            {
                EnvoyListener l => "Listener " + l.Name,
                RouteConfiguration rc => "RouteConfiguration " + rc.Name,
                Cluster c => "Cluster " + c.Name,
                _ => r.Descriptor.Name,
            }));
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_GatewayEcho_ListenerHasOneRawBufferChainWithCiliumHcm()
    {
        var listener = Listener(Translate());

        Assert.Equal("listener", listener.Name);
        Assert.Null(listener.Address);
        var chain = Assert.Single(listener.FilterChains);
        Assert.Equal("""{"transportProtocol":"raw_buffer"}""", Json(chain.FilterChainMatch));
        Assert.Equal("envoy.filters.network.http_connection_manager", chain.Filters.Single().Name);
        Assert.Equal(
            """
            {"statPrefix":"listener-insecure","rds":{"routeConfigName":"listener-insecure"},"httpFilters":[
            {"name":"envoy.filters.http.grpc_web","typedConfig":{"@type":"type.googleapis.com/envoy.extensions.filters.http.grpc_web.v3.GrpcWeb"}},
            {"name":"envoy.filters.http.grpc_stats","typedConfig":{"@type":"type.googleapis.com/envoy.extensions.filters.http.grpc_stats.v3.FilterConfig","emitFilterState":true,"enableUpstreamStats":true}},
            {"name":"envoy.filters.http.router","typedConfig":{"@type":"type.googleapis.com/envoy.extensions.filters.http.router.v3.Router"}}],
            "useRemoteAddress":true,"upgradeConfigs":[{"upgradeType":"websocket"}],"streamIdleTimeout":"300s",
            "internalAddressConfig":{"cidrRanges":[{"addressPrefix":"10.0.0.0","prefixLen":8},{"addressPrefix":"172.16.0.0","prefixLen":12},
            {"addressPrefix":"192.168.0.0","prefixLen":16},{"addressPrefix":"127.0.0.1","prefixLen":32}]},
            "commonHttpProtocolOptions":{"maxStreamDuration":"0s"}}
            """.ReplaceLineEndings(""),
            Json(Hcm(chain)));
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_GatewayEcho_ListenerHasTlsInspectorAndKeepalive()
    {
        var listener = Listener(Translate());

        Assert.Equal(
            """[{"name":"envoy.filters.listener.tls_inspector","typedConfig":{"@type":"type.googleapis.com/envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector"}}]""",
            JsonList(listener.ListenerFilters));
        Assert.Equal(
            """
            [{"description":"Enable TCP keep-alive (default to enabled)","level":"1","name":"9","intValue":"1"},
            {"description":"TCP keep-alive idle time (in seconds) (defaults to 10s)","level":"6","name":"4","intValue":"10"},
            {"description":"TCP keep-alive probe intervals (in seconds) (defaults to 5s)","level":"6","name":"5","intValue":"5"},
            {"description":"TCP keep-alive probe max failures.","level":"6","name":"6","intValue":"10"}]
            """.ReplaceLineEndings(""),
            JsonList(listener.SocketOptions));
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_GatewayEcho_RoutesEchoPrefix90To10()
    {
        var routes = RouteConfig(Translate(), "listener-insecure");

        Assert.Equal(
            """
            {"name":"listener-insecure","virtualHosts":[{"name":"*","domains":["*"],"routes":[
            {"match":{"pathSeparatedPrefix":"/echo"},"route":{"weightedClusters":{"clusters":[
            {"name":"default:echo-1:8080","weight":90},{"name":"default:echo-2:8080","weight":10}]},
            "maxStreamDuration":{"maxStreamDuration":"0s"}}}]}]}
            """.ReplaceLineEndings(""),
            Json(routes));
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_GatewayEcho_ClustersAreEdsWithGlobalServiceNames()
    {
        var clusters = Clusters(Translate());

        Assert.Equal(2, clusters.Count);
        Assert.Equal(
            """
            {"name":"default:echo-1:8080","type":"EDS","edsClusterConfig":{"serviceName":"default/echo-1:8080"},
            "outlierDetection":{"splitExternalLocalOriginErrors":true},"typedExtensionProtocolOptions":{
            "envoy.extensions.upstreams.http.v3.HttpProtocolOptions":{"@type":"type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
            "commonHttpProtocolOptions":{"idleTimeout":"60s"},"useDownstreamProtocolConfig":{"http2ProtocolOptions":{}}}}}
            """.ReplaceLineEndings(""),
            Json(clusters[0]));
        Assert.Equal("default/echo-2:8080", clusters[1].EdsClusterConfig.ServiceName);
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_GatewayEcho_PassesEnvoyValidation()
    {
        AssertValid(Translate());
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Validate_ListenerAsTheOperatorWritesIt_LacksOnlyTheAgentsRdsSource()
    {
        // The operator leaves the RDS config source to the agent; AssertValid fills it in, so it checks everything else.
        var violations = Meshc.EnvoyApi.Validation.PgvValidator.Validate(Listener(Translate()));

        var violation = Assert.Single(violations);
        Assert.EndsWith("rds.config_source", violation.FieldPath);
    }

    [SharedFact(Scenario.SharedFolder)]
    public void Translate_SameInputTwice_GivesIdenticalJson()
    {
        Assert.Equal(Translate().Resources.Select(Json), Translate().Resources.Select(Json));
    }

    private static string JsonList<T>(IEnumerable<T> messages) where T : Google.Protobuf.IMessage =>
        "[" + string.Join(",", messages.Select(m => Json(m))) + "]";
}

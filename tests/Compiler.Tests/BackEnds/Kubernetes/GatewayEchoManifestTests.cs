using System.Text.Json.Nodes;

namespace Meshc.Compiler.Tests.BackEnds.Kubernetes;

/// <summary>
/// Acceptance: for examples/gateway-echo the CiliumEnvoyConfig and Service are what Cilium's operator creates
/// (names, shape and values of <c>translation/gateway-api/translator.go</c> and <c>cec_translator.go</c>).
/// </summary>
public sealed class GatewayEchoManifestTests
{
    private static readonly IReadOnlyDictionary<string, string> Files = ManifestFixture.Compile(
        ManifestFixture.Load(ManifestFixture.Example("gateway-echo")).Where(s => !s.Path.Contains("90-10")));

    private static JsonObject Cec => ManifestFixture.Read(Files, "k8s/default/ciliumenvoyconfig-cilium-gateway-my-example-gateway.yaml");
    private static JsonObject Service => ManifestFixture.Read(Files, "k8s/default/service-cilium-gateway-my-example-gateway.yaml");

    [Fact]
    public void Cec_Metadata_MatchesCiliumOperator()
    {
        var cec = Cec;
        Assert.Equal("cilium.io/v2", (string?)cec["apiVersion"]);
        Assert.Equal("CiliumEnvoyConfig", (string?)cec["kind"]);
        Assert.Equal("cilium-gateway-my-example-gateway", (string?)cec["metadata"]!["name"]);
        Assert.Equal("default", (string?)cec["metadata"]!["namespace"]);
        Assert.Equal("my-example-gateway", (string?)cec["metadata"]!["labels"]!["gateway.networking.k8s.io/gateway-name"]);
        Assert.Equal("false", (string?)cec["metadata"]!["annotations"]!["cec.cilium.io/use-original-source-address"]);
        var owner = Assert.Single(cec["metadata"]!["ownerReferences"]!.AsArray())!;
        Assert.Equal("gateway.networking.k8s.io/v1", (string?)owner["apiVersion"]);
        Assert.Equal("Gateway", (string?)owner["kind"]);
        Assert.Equal("my-example-gateway", (string?)owner["name"]);
        Assert.True((bool)owner["controller"]!);
        Assert.Null(owner["uid"]);
    }

    [Fact]
    public void Cec_Spec_HasServicesBackendsAndResourcesInCiliumOrder()
    {
        var spec = Cec["spec"]!;
        var service = Assert.Single(spec["services"]!.AsArray())!;
        Assert.Equal("cilium-gateway-my-example-gateway", (string?)service["name"]);
        Assert.Equal("", (string?)service["listener"]);
        Assert.Equal([80L], service["ports"]!.AsArray().Select(p => (long)p!));
        Assert.Equal(["echo-1", "echo-2"], spec["backendServices"]!.AsArray().Select(b => (string)b!["name"]!));
        Assert.All(spec["backendServices"]!.AsArray(), b => Assert.Equal("8080", (string?)Assert.Single(b!["number"]!.AsArray())));

        var resources = spec["resources"]!.AsArray();
        Assert.Equal(
            ["listener", "listener-insecure", "default:echo-1:8080", "default:echo-2:8080"],
            resources.Select(r => (string)r!["name"]!));
        Assert.Equal(
            ["envoy.config.listener.v3.Listener", "envoy.config.route.v3.RouteConfiguration", "envoy.config.cluster.v3.Cluster", "envoy.config.cluster.v3.Cluster"],
            resources.Select(r => ((string)r!["@type"]!).Replace("type.googleapis.com/", "")));
    }

    [Fact]
    public void Cec_Resources_AreTheOperatorsForm()
    {
        var resources = Cec["spec"]!["resources"]!.AsArray();
        // Before agent completion: no address on the listener, EDS clusters without a config source, weights as given.
        Assert.Null(resources[0]!["address"]);
        Assert.Equal("EDS", (string?)resources[2]!["type"]);
        Assert.Equal("default/echo-1:8080", (string?)resources[2]!["edsClusterConfig"]!["serviceName"]);
        Assert.Null(resources[2]!["edsClusterConfig"]!["edsConfig"]);
        var clusters = resources[1]!["virtualHosts"]![0]!["routes"]![0]!["route"]!["weightedClusters"]!["clusters"]!.AsArray();
        Assert.Equal([("default:echo-1:8080", 50L), ("default:echo-2:8080", 50L)], clusters.Select(c => ((string)c!["name"]!, (long)c["weight"]!)));
    }

    [Fact]
    public void Service_IsCiliumsLoadBalancer()
    {
        var service = Service;
        Assert.Equal("cilium-gateway-my-example-gateway", (string?)service["metadata"]!["name"]);
        Assert.Equal("my-example-gateway", (string?)service["metadata"]!["labels"]!["io.cilium.gateway/owning-gateway"]);
        Assert.Equal("my-example-gateway", (string?)service["metadata"]!["labels"]!["gateway.networking.k8s.io/gateway-name"]);
        Assert.Equal("LoadBalancer", (string?)service["spec"]!["type"]);
        Assert.Null(service["spec"]!["selector"]);
        var port = Assert.Single(service["spec"]!["ports"]!.AsArray())!;
        Assert.Equal("port-80", (string?)port["name"]);
        Assert.Equal(80L, (long)port["port"]!);
        Assert.Equal("TCP", (string?)port["protocol"]);
    }

    [Fact]
    public void StatusPatch_HasOnlyIdentityAndStatusWithFixedTransitionTime()
    {
        var patch = ManifestFixture.Read(Files, "k8s/default/httproute-example-route-1.status.yaml");
        Assert.Equal(["apiVersion", "kind", "metadata", "status"], patch.Select(e => e.Key));
        var condition = patch["status"]!["parents"]![0]!["conditions"]![0]!;
        Assert.Equal("1970-01-01T00:00:00Z", (string?)condition["lastTransitionTime"]);
    }
}

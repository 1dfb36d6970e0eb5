namespace Meshc.Compiler.Tests.BackEnds.Kubernetes;

/// <summary>The Service and CEC of Gateways beyond the basic case: several ports, addresses, long names.</summary>
public sealed class GatewayServiceTests
{
    private const string Class = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: cilium}
        spec: {controllerName: io.cilium/gateway-controller}
        """;

    private static string Gateway(string name, string listeners, string extra = "") =>
        "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n" +
        $"metadata: {{name: {name}, namespace: infra}}\nspec:\n  gatewayClassName: cilium\n{extra}  listeners:\n{listeners}\n";

    private static IReadOnlyDictionary<string, string> Compile(string gateway) => ManifestFixture.Compile(
    [
        ManifestFixture.Yaml("class.yaml", Class),
        ManifestFixture.Yaml("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: infra}\n"),
        ManifestFixture.Yaml("gw.yaml", gateway),
    ]);

    [Fact]
    public void Service_SeveralListenerPorts_OnePortEachSortedAndUnique()
    {
        var files = Compile(Gateway("web", """
              - {name: b, protocol: HTTP, port: 8080}
              - {name: a, protocol: HTTP, port: 80}
              - {name: c, protocol: HTTP, port: 8080, hostname: c.example}
            """));
        var ports = ManifestFixture.Read(files, "k8s/infra/service-cilium-gateway-web.yaml")["spec"]!["ports"]!.AsArray();
        Assert.Equal(["port-80", "port-8080"], ports.Select(p => (string)p!["name"]!));
    }

    [Fact]
    public void Service_GatewayWithAddresses_CarriesLbIpamAnnotation()
    {
        var files = Compile(Gateway("web", "  - {name: a, protocol: HTTP, port: 80}", "  addresses:\n  - {type: IPAddress, value: 10.1.2.3}\n"));
        var service = ManifestFixture.Read(files, "k8s/infra/service-cilium-gateway-web.yaml");
        Assert.Equal("10.1.2.3", (string?)service["metadata"]!["annotations"]!["io.cilium/lb-ipam-ips"]);
    }

    [Fact]
    public void Names_LongGatewayName_ShortenedAsCiliumDoes()
    {
        var name = new string('g', 60);
        var files = Compile(Gateway(name, "  - {name: a, protocol: HTTP, port: 80}"));
        var expected = Meshc.Compiler.BackEnds.Xds.Gateway.CecNaming.CecName(name);
        Assert.Equal(63, expected.Length);
        var service = ManifestFixture.Read(files, $"k8s/infra/service-{expected}.yaml");
        var cec = ManifestFixture.Read(files, $"k8s/infra/ciliumenvoyconfig-{expected}.yaml");
        Assert.Equal(expected, (string?)service["metadata"]!["name"]);
        Assert.Equal(expected, (string?)cec["metadata"]!["name"]);
        // The owner reference names the Gateway itself, unshortened.
        Assert.Equal(name, (string?)cec["metadata"]!["ownerReferences"]![0]!["name"]);
    }
}

using Meshc.Compiler;
using Meshc.Compiler.Text;
using YamlDotNet.RepresentationModel;
using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream Gateway address and infrastructure tests. Status as upstream checks it, plus where it matters the traffic:
/// the proxy serves each Gateway on the address its status reports (as <c>meshc run</c> does by default) and a request
/// to that address and the listener's port is answered by that Gateway's listener.
/// </summary>
public sealed class AddressConformanceTests
{
    // The addresses GatewayStaticAddresses needs the implementation to supply (the suite's UsableNetworkAddresses and
    // UnusableNetworkAddresses): a loopback address inside an input LB-IPAM pool, and one outside every pool.
    private const string StaticPoolCidr = "127.0.101.0/24";
    private const string Usable = "127.0.101.200";
    private const string Unusable = "127.0.102.1";

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task GatewayStaticAddresses()
    {
        const string name = "gateway-static-addresses"; // the test's file and its Gateway
        var listed = GatewayAddressList.Overlay(TestFile(name), [Unusable], [Usable]);
        Assert.Equal(3, listed.Count);

        // All three: the address type meshc does not support refuses the Gateway.
        var status = ConformanceRun.Check(Sources(name, listed), "MC0331").Status;
        StatusAssert.Gateway(status, name, "Accepted", false, "UnsupportedAddress");

        // The invalid type patched away (by value, as upstream): accepted, but not programmed, as 127.0.102.1 is in no pool.
        listed = [.. listed.Where(a => a.Value != listed[0].Value)];
        status = ConformanceRun.Check(Sources(name, listed), "MC0362").Status;
        StatusAssert.Gateway(status, name, "Accepted", true, "Accepted");
        StatusAssert.Gateway(status, name, "Programmed", false, "AddressNotUsable");

        // The unusable one patched away: accepted, programmed, the usable address in status, and served there.
        listed = [.. listed.Where(a => a.Value != Unusable)];
        await using var run = await ConformanceRun.StartOnAddressesAsync(Sources(name, listed));
        StatusAssert.Gateway(run.Status, name, "Accepted", true, "Accepted");
        StatusAssert.Gateway(run.Status, name, "Programmed", true, "Programmed");
        var listener = StatusAssert.ListenerOf(run.Status, name, "http");
        Assert.Contains(listener.SupportedKinds, k => k.Kind == "HTTPRoute");
        Assert.Equal(0, listener.AttachedRoutes);
        StatusAssert.Listener(run.Status, name, "http", "Accepted", true, null);
        StatusAssert.Listener(run.Status, name, "http", "ResolvedRefs", true, null);
        Assert.Equal(new[] { Usable }, StatusAssert.GatewayOf(run.Status, name).Addresses);
        await ExpectServedAtStatusAddress(run, name, 8080);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task GatewayOptionalAddressValue()
    {
        // Feature GatewayAddressEmpty: an IPAddress entry without value asks for any address; upstream waits for one in status.
        const string name = "gateway-without-address-value";
        await using var run = await ConformanceRun.StartOnAddressesAsync(ConformanceManifests.Load("gateway-optional-address-value"));
        StatusAssert.Gateway(run.Status, name, "Accepted", true, "Accepted");
        StatusAssert.Gateway(run.Status, name, "Programmed", true, "Programmed");
        var address = Assert.Single(StatusAssert.GatewayOf(run.Status, name).Addresses);
        Assert.StartsWith("127.0.100.", address, StringComparison.Ordinal);
        await ExpectServedAtStatusAddress(run, name, 8080);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task GatewayInfrastructure()
    {
        // Feature GatewayInfrastructurePropagation. Upstream looks for a generated ServiceAccount, Pod or Service labelled
        // with the Gateway's name and expects the infrastructure labels and annotations on it; Cilium generates the
        // Gateway's Service, which meshc writes with the k8s target.
        const string name = "gateway-with-infrastructure-metadata";
        var manifests = ConformanceManifests.Load("gateway-infrastructure");
        var compiled = Compilation.Create(manifests).Emit(EmitTargets.Default | EmitTargets.K8s);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        StatusAssert.Gateway(compiled.Status, name, "Accepted", true, null);
        var service = compiled.Bundle!.Files
            .Where(f => f.Path.StartsWith($"k8s/{Infra}/service-", StringComparison.Ordinal))
            .Select(f => Metadata(compiled.Bundle.ReadText(f.Path)))
            .SingleOrDefault(m => m.Labels.GetValueOrDefault("gateway.networking.k8s.io/gateway-name") == name);
        Assert.True(service is not null, $"no generated Service is labelled with gateway name {name}");
        Assert.Equal("value2", service!.Labels.GetValueOrDefault("key2"));
        Assert.Equal("value1", service.Annotations.GetValueOrDefault("key1"));

        // Where the labels matter for traffic: LB IPAM selects pools by the Service's labels, so a pool selecting the
        // infrastructure label key2=value2 gives this Gateway its address, and the Gateway is served there.
        var pools = new SourceText("pools.yaml", Pool("a-infrastructure", "127.0.103.0/24", "key2: value2") + "---\n" + Pool("b-others", "127.0.104.0/24", null));
        await using var run = await ConformanceRun.StartOnAddressesAsync([.. manifests, pools]);
        Assert.Equal(new[] { "127.0.103.1" }, StatusAssert.GatewayOf(run.Status, name).Addresses);
        await ExpectServedAtStatusAddress(run, name, 8080);
    }

    /// <summary>
    /// The Gateway listens on the address its status reports, at its listener port (plus the run's offset), and a
    /// request there is answered by its own listener: no route is attached, so 404, as Envoy answers.
    /// </summary>
    private static async Task ExpectServedAtStatusAddress(ConformanceRun run, string gateway, int port)
    {
        var address = Assert.Single(StatusAssert.GatewayOf(run.Status, gateway).Addresses);
        var others = run.Status.Gateways.Where(g => g.Object.Name != gateway).SelectMany(g => g.Addresses);
        Assert.DoesNotContain(address, others);
        var socket = Assert.Single(run.Proxy.Sockets, s => s.Binding is { Kind: "gateway" } b && b.Name == gateway);
        Assert.Equal(address, socket.EndPoint.Address.ToString());
        Assert.Equal(new[] { port }, socket.Binding!.Ports);
        var (baseUri, host) = run.Reach($"{Infra}/{gateway}");
        Assert.Equal(address, baseUri.Host);
        var got = await run.SendAsync(Row.Answer("/", 404) with { Gateway = $"{Infra}/{gateway}" });
        Assert.True(got.Status == 404, $"{baseUri} (Host {host}) answered {got.Status}: {got.Body}");
    }

    private static string TestFile(string test) =>
        File.ReadAllText(Path.Combine(ConformanceManifests.Root, "tests", test + ".yaml"));

    /// <summary>The test's manifests with the Gateway's address list as given, and the pool the usable address is in.</summary>
    private static IReadOnlyList<SourceText> Sources(string test, IReadOnlyList<GatewayAddressList.Address> addresses) =>
        [.. ConformanceManifests.Load(test, yaml => GatewayAddressList.Write(yaml, addresses)), new SourceText("pool.yaml", Pool("conformance-static", StaticPoolCidr, null))];

    private static string Pool(string name, string cidr, string? matchLabel) => $"""
        apiVersion: cilium.io/v2
        kind: CiliumLoadBalancerIPPool
        metadata:
          name: {name}
        spec:
          blocks:
            - cidr: {cidr}

        """ + (matchLabel is null ? "" : $"""
          serviceSelector:
            matchLabels:
              {matchLabel}

        """);

    /// <summary>The labels and annotations of one generated manifest.</summary>
    private sealed record ManifestMetadata(Dictionary<string, string> Labels, Dictionary<string, string> Annotations);

    private static ManifestMetadata Metadata(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var metadata = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["metadata"];
        return new ManifestMetadata(Map(metadata, "labels"), Map(metadata, "annotations"));
    }

    private static Dictionary<string, string> Map(YamlMappingNode metadata, string key) =>
        metadata.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode map
            ? map.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? "", StringComparer.Ordinal)
            : [];
}

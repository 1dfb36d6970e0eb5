using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.Bound;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

public class CecSpecTests
{
    [Fact]
    public void BackendServices_IncludeMirrorsAndSortPortsAsStrings()
    {
        var cec = Translate(Attach("r", [
            Rule(0, [Match(Prefix("/a"))], [Backend("svc", 9090), Backend("svc", 10000, ns: "other")], mirrors: [Mirror("copy", 80)]),
            Rule(1, [Match(Prefix("/b"))], [Backend("svc", 8080), Backend("svc", 9090)]),
        ]));

        // Ports are strings, so "10000" would sort before "8080"; here: "8080" < "9090".
        Assert.Equal(["default/copy:80", "default/svc:8080,9090", "other/svc:10000"],
            cec.BackendServices.Select(b => $"{b.Namespace}/{b.Name}:{string.Join(",", b.Ports)}"));
    }

    [Fact]
    public void BackendServices_PortsOfOneService_SortLexically()
    {
        var cec = Translate(Attach("r", [Rule(0, [Match()], [Backend("svc", 9090), Backend("svc", 10000)])]));

        Assert.Equal(["10000", "9090"], cec.BackendServices.Single().Ports);
    }

    [Fact]
    public void Metadata_Infrastructure_MergedWithCiliumKeys()
    {
        var gateway = NewGateway("gw", Http()) with
        {
            InfrastructureLabels = ValueList.Of(new Label("team", "web"), new Label(CecNaming.GatewayNameLabel, "spoofed")),
            InfrastructureAnnotations = ValueList.Of(new Label("note", "x"), new Label("cec.cilium.io/use-original-source-address", "true")),
            Addresses = ValueList.Of(new GatewayAddress("IPAddress", "10.0.0.7", At), new GatewayAddress("Hostname", "gw.example", At),
                new GatewayAddress("IPAddress", "10.0.0.8", At)),
        };

        var cec = GatewayTranslator.Translate(Mesh(Binding(gateway, On(gateway.Listeners[0]))), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        Assert.Equal([new Label(CecNaming.GatewayNameLabel, "gw"), new Label("team", "web")], cec.Labels);
        Assert.Equal(
            [new Label("cec.cilium.io/use-original-source-address", "false"), new Label("io.cilium/lb-ipam-ips", "10.0.0.7,10.0.0.8"), new Label("note", "x")],
            cec.Annotations);
    }

    [Fact]
    public void Metadata_LbIpamAnnotationAlreadySet_IsKept()
    {
        var gateway = NewGateway("gw", Http()) with
        {
            InfrastructureAnnotations = ValueList.Of(new Label(CecNaming.LbIpamIpsAnnotation, "192.0.2.1")),
            Addresses = ValueList.Of(new GatewayAddress("IPAddress", "10.0.0.7", At)),
        };

        var cec = GatewayTranslator.Translate(Mesh(Binding(gateway, On(gateway.Listeners[0]))), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        Assert.Equal("192.0.2.1", cec.Annotations.Single(a => a.Key == CecNaming.LbIpamIpsAnnotation).Value);
    }

    [Fact]
    public void Translate_OnlyInvalidListeners_GivesNoCec()
    {
        var broken = Http("broken", 80);
        var gateway = NewGateway("gw", broken);
        var mesh = Mesh(Binding(gateway, new ListenerBinding(broken, false, ValueList<RouteAttachment>.Empty)));

        Assert.Empty(GatewayTranslator.Translate(mesh, CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()));
    }

    [Fact]
    public void Translate_PassthroughListenerWithoutRoutes_GivesRawBufferChainOnItsPort()
    {
        // Cilium makes an HTTP listener of every TLS listener too, so the raw_buffer chain and listener-insecure exist.
        var passthrough = new Listener("tls", ListenerProtocol.TLS, "TLS", 443, null, null, AllowedRoutes.Default(At), At);
        var gateway = NewGateway("gw", passthrough);

        var cec = GatewayTranslator.Translate(Mesh(Binding(gateway, On(passthrough))), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        Assert.Equal([443], cec.Services.Single().Ports);
        Assert.Equal("raw_buffer", EnvoyResources.Listener(cec).FilterChains.Single().FilterChainMatch.TransportProtocol);
    }

    [Fact]
    public void Translate_InvalidListenerNextToValidOne_IsLeftOut()
    {
        var good = Http("good", 80);
        var bad = Https("bad", 443, null, "missing");
        var gateway = NewGateway("gw", good, bad);
        var mesh = Mesh(Binding(gateway, On(good), new ListenerBinding(bad, false, ValueList<RouteAttachment>.Empty)));

        var cec = GatewayTranslator.Translate(mesh, CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        Assert.Equal([80], cec.Services.Single().Ports);
        Assert.Single(EnvoyResources.Listener(cec).FilterChains);
    }

    [Fact]
    public void Translate_SeveralGateways_OneCecEachSortedByNamespaceAndName()
    {
        Ir.Gateway In(string ns, string name) => NewGateway(name, Http()) with { Meta = Meta(name, ns) };
        var gateways = new[] { In("b", "x"), In("a", "z"), In("a", "y") };

        var cecs = GatewayTranslator.Translate(Mesh(gateways.Select(g => Binding(g, On(g.Listeners[0]))).ToArray()), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag());

        Assert.Equal(["a/cilium-gateway-y", "a/cilium-gateway-z", "b/cilium-gateway-x"], cecs.Select(c => $"{c.Namespace}/{c.Name}"));
        Assert.All(cecs, c => Assert.Equal(c.Namespace, c.Services.Single().Namespace));
    }
}

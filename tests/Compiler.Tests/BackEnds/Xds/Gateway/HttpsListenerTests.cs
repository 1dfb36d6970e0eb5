using FilterChain = Envoy.Config.Listener.V3.FilterChain;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Ir;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.Bound;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.EnvoyResources;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

public class HttpsListenerTests
{
    private static readonly Listener HttpListener = Http("http", 80);
    private static readonly Listener HttpsListener = Https("https", 443, "secure.example", "z-cert", "a-cert");

    private static CecModel Translate(CompilationOptions? options = null)
    {
        var gateway = NewGateway("gw", HttpListener, HttpsListener);
        var route = Attach("web", [Rule(0, [Match(Prefix("/"))], [Backend("web", 8080)])]);
        var mesh = Mesh(Binding(gateway, On(HttpListener, route), On(HttpsListener, route)));
        return GatewayTranslator.Translate(mesh, options ?? CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();
    }

    private static IEnumerable<string> SdsNames(FilterChain chain) =>
        chain.TransportSocket.TypedConfig.Unpack<DownstreamTlsContext>().CommonTlsContext.TlsCertificateSdsSecretConfigs.Select(s => s.Name);

    [Fact]
    public void Translate_TwoCertificatesOnOneListener_GivesOneSecureChainWithBothSortedByName()
    {
        // Cilium makes one chain per Secret here; two chains with the same match are a listener Envoy rejects.
        var chains = Listener(Translate()).FilterChains;

        Assert.Equal(2, chains.Count);
        Assert.Equal("raw_buffer", chains[0].FilterChainMatch.TransportProtocol);
        Assert.Equal(["cilium-secrets/default-a-cert", "cilium-secrets/default-z-cert"], SdsNames(chains[1]));
    }

    [Fact]
    public void Translate_OverlappingCertificateSets_KeepsEachServerNameInOneChain()
    {
        var one = Https("one", 443, "a.example", "cert-a");
        var two = Https("two", 443, "b.example", "cert-a", "cert-b");
        var gateway = NewGateway("gw", one, two);

        var chains = Listener(GatewayTranslator.Translate(Mesh(Binding(gateway, On(one), On(two))), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single()).FilterChains;

        Assert.Equal(2, chains.Count);
        Assert.Equal(["a.example"], chains[0].FilterChainMatch.ServerNames);
        Assert.Equal(["cilium-secrets/default-cert-a"], SdsNames(chains[0]));
        Assert.Equal(["b.example"], chains[1].FilterChainMatch.ServerNames);
        Assert.Equal(["cilium-secrets/default-cert-a", "cilium-secrets/default-cert-b"], SdsNames(chains[1]));
    }

    [Fact]
    public void Translate_SecureChain_MatchesTlsWithListenerHostnameAndSecureHcm()
    {
        var chain = Listener(Translate()).FilterChains[1];

        Assert.Equal("""{"transportProtocol":"tls","serverNames":["secure.example"]}""", Json(chain.FilterChainMatch));
        Assert.Equal(
            """{"name":"envoy.transport_sockets.tls","typedConfig":{"@type":"type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext","commonTlsContext":{"tlsCertificateSdsSecretConfigs":[{"name":"cilium-secrets/default-a-cert"},{"name":"cilium-secrets/default-z-cert"}]}}}""",
            Json(chain.TransportSocket));
        var hcm = Hcm(chain);
        Assert.Equal(("listener-secure", "listener-secure"), (hcm.StatPrefix, hcm.Rds.RouteConfigName));
    }

    [Fact]
    public void Translate_SecretsNamespaceOption_NamesSdsSecret()
    {
        var chains = Listener(Translate(CompilationOptions.Default with { SecretsNamespace = "gw-secrets" })).FilterChains;

        Assert.Equal("gw-secrets/default-a-cert", SdsNames(chains[1]).First());
    }

    [Fact]
    public void Translate_HttpAndHttps_GivesBothRouteConfigsAndAllPorts()
    {
        var cec = Translate();

        Assert.Equal(["listener-insecure", "listener-secure"], cec.Resources.OfType<Envoy.Config.Route.V3.RouteConfiguration>().Select(r => r.Name));
        var secure = RouteConfig(cec, "listener-secure").VirtualHosts.Single();
        Assert.Equal("secure.example", secure.Name);
        Assert.Equal(["secure.example", "secure.example:*"], secure.Domains);
        Assert.Equal([80, 443], cec.Services.Single().Ports);
        AssertValid(cec);
    }

    [Fact]
    public void Translate_HttpsWithoutHostname_LeavesServerNamesOut()
    {
        var https = Https("https", 443, null, "cert");
        var gateway = NewGateway("gw", https);

        var cec = GatewayTranslator.Translate(Mesh(Binding(gateway, On(https))), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        var chain = Assert.Single(Listener(cec).FilterChains);
        Assert.Equal("""{"transportProtocol":"tls"}""", Json(chain.FilterChainMatch));
        // No HTTP listener: no insecure chain, and only the (empty) secure route configuration.
        Assert.Equal("""{"name":"listener-secure"}""", Json(cec.Resources.OfType<Envoy.Config.Route.V3.RouteConfiguration>().Single()));
    }

    [Fact]
    public void Translate_SharedCertificate_ListsEveryListenerHostname()
    {
        var one = Https("one", 443, "b.example", "cert");
        var two = Https("two", 8443, "a.example", "cert");
        var gateway = NewGateway("gw", one, two);

        var cec = GatewayTranslator.Translate(Mesh(Binding(gateway, On(one), On(two))), CompilationOptions.Default, new Meshc.Compiler.Diagnostics.DiagnosticBag()).Single();

        var chain = Assert.Single(Listener(cec).FilterChains);
        Assert.Equal(["a.example", "b.example"], chain.FilterChainMatch.ServerNames);
        Assert.Equal([443, 8443], cec.Services.Single().Ports);
    }
}

using System.Net;
using System.Security.Cryptography.X509Certificates;
using Meshc.Compiler.Text;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;
using Meshc.Runtime.Tests.Tls;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// The upstream tests that need TLS, served with real handshakes. The suite generates the Secret
/// <c>gateway-conformance-infra/tls-validity-checks-certificate</c> at run time; here it is made at test time (a CA and a
/// leaf for the suite's host names) and given with the manifests, as Secrets in the inputs of <c>meshc run</c> are.
/// </summary>
public sealed class TlsConformanceTests
{
    private const string Infra = "gateway-conformance-infra";
    private static readonly X509Certificate2 Ca = TestPki.Ca("conformance CA");
    private static readonly X509Certificate2 Validity = TestPki.Leaf(Ca, ["example.org", "second-example.org", "*.wildcard.org"]);
    private static readonly X509Certificate2 Passthrough = TestPki.Leaf(Ca, ["abc.example.com"]);

    private static List<SourceText> WithSecret(IReadOnlyList<SourceText> manifests) =>
        [.. manifests, new SourceText("generated/tls-validity-checks-certificate.yaml", TestPki.SecretYaml(Infra, "tls-validity-checks-certificate", Validity))];

    private static int Port(ProxyHost proxy, string gateway) => proxy.ListenerPorts[$"{Infra}/cilium-gateway-{gateway}/listener"];

    [Fact]
    public async Task HTTPRouteHTTPSListener_RoutesByHostOverTls()
    {
        var (_, snapshot) = ConformanceRun.Compile(WithSecret(ConformanceManifests.Load("httproute-https-listener")));
        await using var backends = await DemoBackends.StartAsync(snapshot);
        await using var proxy = await RuntimeHarness.Start(backends.Redirect(snapshot));
        var port = Port(proxy, "same-namespace-with-https-listener");
        foreach (var (host, backend, status) in new[] { ("example.org", "infra-backend-v1", 200), ("second-example.org", "infra-backend-v2", 200), ("unknown-example.org", "", 404) })
        {
            var (client, seen) = TlsScenario.Client(port);
            using var response = await client.GetAsync($"https://{host}/");
            Assert.Equal(status, (int)response.StatusCode);
            if (status == 200) Assert.Contains($"\"service\":\"{backend}\"", (await response.Content.ReadAsStringAsync()).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal(Validity.Thumbprint, seen()!.Thumbprint);
        }
    }

    [Fact]
    public async Task HTTPRouteRedirectPortAndScheme_HttpsGateway_RedirectsOverTls()
    {
        var (_, snapshot) = ConformanceRun.Compile(WithSecret(ConformanceManifests.Load("httproute-redirect-port-and-scheme")));
        await using var backends = await DemoBackends.StartAsync(snapshot);
        await using var proxy = await RuntimeHarness.Start(backends.Redirect(snapshot));
        var port = Port(proxy, "same-namespace-with-https-listener");
        // The HTTPS Gateway's rows: without a scheme the redirect keeps https; without a port it takes the listener's (443).
        foreach (var (path, location) in new[]
                 {
                     ("/scheme-nil-and-port-nil", "https://example.org/scheme-nil-and-port-nil"),
                     ("/scheme-nil-and-port-443", "https://example.org/scheme-nil-and-port-443"),
                     ("/scheme-nil-and-port-8443", "https://example.org:8443/scheme-nil-and-port-8443"),
                     ("/scheme-http-and-port-nil", "http://example.org/scheme-http-and-port-nil"),
                     ("/scheme-http-and-port-80", "http://example.org/scheme-http-and-port-80"),
                     ("/scheme-http-and-port-8080", "http://example.org:8080/scheme-http-and-port-8080"),
                 })
        {
            var (client, _) = TlsScenario.Client(port);
            using var response = await client.GetAsync($"https://example.org{path}");
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            Assert.Equal(location, response.Headers.Location?.ToString());
        }
    }

    [Fact]
    public async Task TLSRouteSimpleSameNamespace_PassesTlsThroughToTheBackend()
    {
        var (compiled, snapshot) = ConformanceRun.Compile(ConformanceManifests.Load("tlsroute-simple-same-namespace"));
        StatusAssert.RouteParent(compiled.Status, "gateway-conformance-infra-test", "Accepted", true, "Accepted");
        StatusAssert.Listener(compiled.Status, "gateway-tlsroute", "https", "Programmed", true, "Programmed");
        await using var backend = await TlsBackend.StartAsync("tcp-backend", Passthrough);
        var clusters = snapshot.Clusters.ToDictionary(kv => kv.Key, kv => kv.Key.EndsWith(":tcp-backend:8443", StringComparison.Ordinal)
            ? kv.Value with { Endpoints = [new EndpointModel("127.0.0.1", backend.Port)] }
            : kv.Value, StringComparer.Ordinal);
        await using var proxy = await RuntimeHarness.Start(snapshot with { Clusters = clusters });
        var port = Port(proxy, "gateway-tlsroute");
        var (client, seen) = TlsScenario.Client(port);
        Assert.StartsWith("tcp-backend HTTP/1.1 abc.example.com", await client.GetStringAsync("https://abc.example.com/"));
        Assert.Equal(Passthrough.Thumbprint, seen()!.Thumbprint);
    }
}

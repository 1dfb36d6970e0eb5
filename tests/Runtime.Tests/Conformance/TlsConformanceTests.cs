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

    private static readonly X509Certificate2 OtherCa = TestPki.Ca("mismatch CA");
    private static readonly X509Certificate2 AbcBackend = TestPki.Leaf(Ca, ["abc.example.com"]);

    [Fact]
    public async Task BackendTLSPolicy_VerifiesTheBackendWithTheConfigMapCa()
    {
        // The suite generates both CA ConfigMaps; here: the CA that signed the backend, and an unrelated one.
        var sources = WithSecret(ConformanceManifests.Load("backendtlspolicy"));
        sources.Add(new SourceText("generated/ca-configmaps.yaml",
            TestPki.CaConfigMapYaml(Infra, "tls-checks-ca-certificate", Ca) + "\n---\n" + TestPki.CaConfigMapYaml(Infra, "mismatch-ca-certificate", OtherCa)));
        var (compiled, snapshot) = ConformanceRun.Compile(sources);
        // Both Gateways route to the policy's Service: one ancestor each, both accepted.
        var normative = compiled.Status.Policies.Single(p => p.Object.Name == "normative-test").Ancestors;
        Assert.Equal(["same-namespace", "same-namespace-with-https-listener"], normative.Select(a => a.AncestorRef.Name));
        Assert.All(normative.SelectMany(a => a.Conditions), c => Assert.True(c.Status, c.Message));
        await using var backend = await TlsBackend.StartAsync("backendtlspolicy", AbcBackend);
        await using var backends = await DemoBackends.StartAsync(snapshot);
        var served = backends.Redirect(snapshot);
        served = served with
        {
            Clusters = served.Clusters.ToDictionary(kv => kv.Key, kv => kv.Key.Contains(":backendtlspolicy-", StringComparison.Ordinal)
                ? kv.Value with { Endpoints = [new EndpointModel("127.0.0.1", backend.Port)] }
                : kv.Value, StringComparer.Ordinal),
        };
        await using var proxy = await RuntimeHarness.Start(served);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        async Task<(HttpStatusCode, string)> Get(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{Port(proxy, "same-namespace")}{path}");
            request.Headers.Host = "abc.example.com";
            using var response = await http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        // The backend terminated TLS with the policy's SNI and answered; a name or CA that does not verify is a 503.
        var (ok, body) = await Get("/backendtlspolicy");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.StartsWith("backendtlspolicy HTTP/1.1 abc.example.com", body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get("/backendtlspolicy-host-mismatch")).Item1);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Get("/backendtlspolicy-cert-mismatch")).Item1);

        // The re-encrypt route: TLS terminated at the HTTPS listener, TLS again to the backend.
        var (client, _) = TlsScenario.Client(Port(proxy, "same-namespace-with-https-listener"));
        Assert.StartsWith("backendtlspolicy HTTP/1.1 https-listener.org https", await client.GetStringAsync("https://https-listener.org/backendtlspolicy"));
    }

    [Theory]
    [InlineData("gateway-secret-reference-grant-all-in-namespace", "gateway-secret-reference-grant")]
    [InlineData("gateway-secret-reference-grant-specific", "gateway-secret-reference-grant")]
    public async Task GatewaySecretReferenceGrant_ListenerServesTheOtherNamespacesCertificate(string test, string gateway)
    {
        // The suite generates the Secret gateway-conformance-web-backend/certificate.
        var sources = WithSecret(ConformanceManifests.Load(test)).Append(new SourceText("generated/certificate.yaml",
            TestPki.SecretYaml("gateway-conformance-web-backend", "certificate", Validity))).ToList();
        var (compiled, snapshot) = ConformanceRun.Compile(sources);
        var gatewayName = compiled.Status.Gateways.Single(g => g.Object.Name.StartsWith(gateway, StringComparison.Ordinal)).Object.Name;
        StatusAssert.Listener(compiled.Status, gatewayName, "https", "ResolvedRefs", true, "ResolvedRefs");
        StatusAssert.Listener(compiled.Status, gatewayName, "https", "Programmed", true, "Programmed");
        Assert.Empty(snapshot.ListenerErrors);
        await using var proxy = await RuntimeHarness.Start(snapshot);
        var certificate = await TlsScenario.Handshake(Port(proxy, gatewayName), "example.org");
        Assert.Equal(Validity.Thumbprint, certificate.Thumbprint);
    }

    [Fact]
    public void GatewayFrontendInvalidDefaultClientCertificateValidation_HttpsListenerNotAccepted()
    {
        var result = ConformanceRun.Check(WithSecret(ConformanceManifests.Load("gateway-invalid-default-frontend-client-certificate-validation")), "MC0267");
        const string gateway = "invalid-default-client-validation-config";
        StatusAssert.Listener(result.Status, gateway, "https", "Accepted", false, "NoValidCACertificate");
        StatusAssert.Listener(result.Status, gateway, "https", "ResolvedRefs", false, "InvalidCACertificateRef");
        StatusAssert.Listener(result.Status, gateway, "http", "Accepted", true, "Accepted");
    }
}

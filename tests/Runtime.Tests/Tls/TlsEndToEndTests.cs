using System.Net;
using System.Security.Cryptography.X509Certificates;
using Meshc.Runtime.Loading;

namespace Meshc.Runtime.Tests.Tls;

/// <summary>
/// A Gateway with an HTTPS listener (its Secret in the inputs) and a TLS passthrough listener with a TLSRoute, compiled
/// and served as <c>meshc run</c> serves inputs: HTTPS answers with the Secret's certificate (chosen by SNI, ALPN h2 or
/// HTTP/1.1) and routes by HTTPRoute; a TLS client of the passthrough listener sees the backend's own certificate; no
/// private key byte is in any bundle file.
/// </summary>
public sealed class TlsEndToEndTests
{
    private static readonly X509Certificate2 Ca = TestPki.Ca("meshc test CA");
    private static readonly X509Certificate2 Www = TestPki.Leaf(Ca, ["www.example.com"]);
    private static readonly X509Certificate2 Api = TestPki.Leaf(Ca, ["api.example.com"]);
    private static readonly X509Certificate2 Backend = TestPki.Leaf(Ca, ["pass.example.com"]);

    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: default}
        spec:
          gatewayClassName: cilium
          listeners:
            - {name: www, protocol: HTTPS, port: 443, hostname: www.example.com, tls: {certificateRefs: [{name: www-cert}]}}
            - {name: api, protocol: HTTPS, port: 443, hostname: api.example.com, tls: {certificateRefs: [{name: api-cert}]}}
            - {name: pass, protocol: TLS, port: 8443, hostname: pass.example.com, tls: {mode: Passthrough}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: www, namespace: default}
        spec:
          parentRefs: [{name: edge, sectionName: www}]
          rules: [{backendRefs: [{name: web, port: 8080}]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: api, namespace: default}
        spec:
          parentRefs: [{name: edge, sectionName: api}]
          rules: [{backendRefs: [{name: api, port: 8080}]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: {name: pass, namespace: default}
        spec:
          parentRefs: [{name: edge, sectionName: pass}]
          hostnames: [pass.example.com]
          rules: [{backendRefs: [{name: tls-backend, port: 443}]}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: default}
        spec: {ports: [{port: 8080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: default}
        spec: {ports: [{port: 8080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: tls-backend, namespace: default}
        spec: {ports: [{port: 443}]}
        """;

    private static TlsScenario Scenario() => new(
        ("gateway.yaml", Gateway),
        ("secrets.yaml", TestPki.SecretYaml("default", "www-cert", Www) + "\n---\n" + TestPki.SecretYaml("default", "api-cert", Api)));

    [Fact]
    public async Task Https_AnswersWithTheSecretOfTheSni_AndRoutesByHttpRoute()
    {
        using var scenario = Scenario();
        await using var web = await TlsBackend.StartAsync("web", null);
        await using var api = await TlsBackend.StartAsync("api", null);
        await using var host = await TlsScenario.Start(scenario.Snapshot(new Dictionary<string, int> { ["web"] = web.Port, ["api"] = api.Port }));
        var port = host.Sockets.Single().EndPoint.Port;

        var (client, seen) = TlsScenario.Client(port);
        var body = await client.GetStringAsync("https://www.example.com/");
        Assert.StartsWith("web HTTP/1.1 www.example.com https", body);
        Assert.Equal(Www.Thumbprint, seen()!.Thumbprint);

        var (apiClient, apiSeen) = TlsScenario.Client(port);
        Assert.StartsWith("api ", await apiClient.GetStringAsync("https://api.example.com/"));
        Assert.Equal(Api.Thumbprint, apiSeen()!.Thumbprint);
        Assert.True(host.Stats.Get($"listener.127.0.0.1_{port}.ssl.handshake") >= 2);
    }

    [Fact]
    public async Task Https_NegotiatesH2ByAlpn()
    {
        using var scenario = Scenario();
        // The cluster follows the downstream protocol (Cilium's use_downstream_protocol_config): h2c upstream.
        await using var web = await TlsBackend.StartAsync("web", null, Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2);
        await using var host = await TlsScenario.Start(scenario.Snapshot(new Dictionary<string, int> { ["web"] = web.Port }));
        var (client, _) = TlsScenario.Client(host.Sockets.Single().EndPoint.Port);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://www.example.com/") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("web HTTP/2 www.example.com https", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plaintext_OnTheSameSocket_IsServedByTheInsecureChain()
    {
        // The passthrough listener gives the Gateway a raw_buffer chain (as in Cilium); plaintext finds no route there.
        using var scenario = Scenario();
        await using var host = await TlsScenario.Start(scenario.Snapshot(new Dictionary<string, int>()));
        using var client = new HttpClient();
        using var response = await client.GetAsync($"http://127.0.0.1:{host.Sockets.Single().EndPoint.Port}/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Passthrough_ClientSeesTheBackendsOwnCertificate()
    {
        using var scenario = Scenario();
        await using var backend = await TlsBackend.StartAsync("tls-backend", Backend);
        await using var host = await TlsScenario.Start(scenario.Snapshot(new Dictionary<string, int> { ["tls-backend"] = backend.Port }));
        var port = host.Sockets.Single().EndPoint.Port;

        Assert.Equal(Backend.Thumbprint, (await TlsScenario.Handshake(port, "pass.example.com")).Thumbprint);
        var (client, seen) = TlsScenario.Client(port);
        var body = await client.GetStringAsync("https://pass.example.com/hello");
        // The backend terminated TLS itself: it saw its own host name and no proxy header.
        Assert.Equal("tls-backend HTTP/1.1 pass.example.com ", body);
        Assert.Equal(Backend.Thumbprint, seen()!.Thumbprint);
        Assert.True(host.Stats.Get("tcp.default:tls-backend:443.downstream_cx_total") >= 2);
    }

    [Fact]
    public async Task UnknownServerName_IsClosedAsNoFilterChainMatch()
    {
        using var scenario = Scenario();
        await using var host = await TlsScenario.Start(scenario.Snapshot(new Dictionary<string, int>()));
        var port = host.Sockets.Single().EndPoint.Port;
        await Assert.ThrowsAnyAsync<IOException>(() => TlsScenario.Handshake(port, "nobody.example.org"));
        Assert.Equal(1, host.Stats.Get($"listener.127.0.0.1_{port}.no_filter_chain_match"));
    }

    [Fact]
    public async Task PassthroughBackendDown_ConnectFailureIsCountedAndFedToOutlierDetection()
    {
        using var scenario = Scenario();
        var closed = FreePort();
        await using var host = await TlsScenario.Start(scenario.Snapshot(new Dictionary<string, int> { ["tls-backend"] = closed }));
        var port = host.Sockets.Single().EndPoint.Port;
        await Assert.ThrowsAnyAsync<IOException>(() => TlsScenario.Handshake(port, "pass.example.com"));
        Assert.Equal(1, host.Stats.Get("cluster.default/cilium-gateway-edge/default:tls-backend:443.upstream_cx_connect_fail"));
    }

    [Fact]
    public async Task ConfigDump_ShowsSecretsWithTheKeyRedacted()
    {
        using var scenario = Scenario();
        await using var host = await TlsScenario.Start(scenario.Snapshot(new Dictionary<string, int>()));
        using var client = new HttpClient();
        var dump = await client.GetStringAsync($"http://127.0.0.1:{host.AdminPort}/config_dump");
        Assert.Contains("SecretsConfigDump", dump, StringComparison.Ordinal);
        Assert.Contains("cilium-secrets/default-www-cert", dump, StringComparison.Ordinal);
        Assert.Contains("[redacted]", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", dump, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_HoldsNoPrivateKeyByte()
    {
        using var scenario = Scenario();
        var keys = new[] { Www, Api }.Select(c => c.GetECDsaPrivateKey()!.ExportPkcs8PrivateKey()).ToList();
        foreach (var file in Directory.EnumerateFiles(scenario.BundleFolder, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
            foreach (var key in keys)
            {
                // Neither the key's DER nor its base64 (any PEM line of it) appears.
                Assert.Equal(-1, bytes.AsSpan().IndexOf(key.AsSpan(key.Length - 32)));
                foreach (var line in Convert.ToBase64String(key).Chunk(64).Select(c => new string(c)).Where(l => l.Length == 64))
                    Assert.DoesNotContain(line, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task MissingSecret_OnlyThatListenerIsNotServed()
    {
        using var scenario = Scenario();
        var snapshot = scenario.Snapshot(new Dictionary<string, int>(), SecretStore.Empty);
        var listener = Assert.Single(snapshot.ListenerErrors);
        Assert.Contains("cilium-secrets/default-", listener.Value, StringComparison.Ordinal);
        Assert.Contains("is not in the inputs or --secrets", listener.Value, StringComparison.Ordinal);
        await using var host = await TlsScenario.Start(snapshot);
        Assert.Empty(host.Sockets);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

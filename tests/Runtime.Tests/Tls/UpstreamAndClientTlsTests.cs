using System.Net;
using System.Security.Cryptography.X509Certificates;
using Meshc.Runtime.Loading;

namespace Meshc.Runtime.Tests.Tls;

/// <summary>
/// Real handshakes on loopback: upstream TLS from a BackendTLSPolicy (SNI, CA verification, SAN check; a failed
/// verification is a 503 connect failure), client-certificate validation from the Gateway's frontend TLS, and a
/// certificate swapped by a reload while a connection made before it keeps working.
/// </summary>
public sealed class UpstreamAndClientTlsTests
{
    private static readonly X509Certificate2 Ca = TestPki.Ca("meshc test CA");
    private static readonly X509Certificate2 OtherCa = TestPki.Ca("unrelated CA");
    private static readonly X509Certificate2 Www = TestPki.Leaf(Ca, ["www.example.com"]);
    private static readonly X509Certificate2 Backend = TestPki.Leaf(Ca, ["backend.internal"]);
    private static readonly X509Certificate2 Client = TestPki.Leaf(Ca, ["client.example.com"], client: true);
    private static readonly X509Certificate2 Stranger = TestPki.Leaf(OtherCa, ["client.example.com"], client: true);

    private static string Gateway(string frontend = "") => $$$"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: edge, namespace: default}
        spec:
          gatewayClassName: cilium
          listeners:
            - {name: www, protocol: HTTPS, port: 443, hostname: www.example.com, tls: {certificateRefs: [{name: www-cert}]}}
        {{{frontend}}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: www, namespace: default}
        spec:
          parentRefs: [{name: edge}]
          rules:
            - matches: [{path: {type: PathPrefix, value: /good}}]
              backendRefs: [{name: good, port: 443}]
            - matches: [{path: {type: PathPrefix, value: /wrong-name}}]
              backendRefs: [{name: wrong-name, port: 443}]
            - matches: [{path: {type: PathPrefix, value: /wrong-ca}}]
              backendRefs: [{name: wrong-ca, port: 443}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: good, namespace: default}
        spec: {ports: [{name: https, port: 443}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: wrong-name, namespace: default}
        spec: {ports: [{name: https, port: 443}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: wrong-ca, namespace: default}
        spec: {ports: [{name: https, port: 443}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: BackendTLSPolicy
        metadata: {name: good, namespace: default}
        spec:
          targetRefs: [{group: "", kind: Service, name: good, sectionName: https}]
          validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: backend-ca}], hostname: backend.internal}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: BackendTLSPolicy
        metadata: {name: wrong-name, namespace: default}
        spec:
          targetRefs: [{group: "", kind: Service, name: wrong-name}]
          validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: backend-ca}], hostname: other.internal}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: BackendTLSPolicy
        metadata: {name: wrong-ca, namespace: default}
        spec:
          targetRefs: [{group: "", kind: Service, name: wrong-ca}]
          validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: unrelated-ca}], hostname: backend.internal}
        """;

    private const string Frontend = """
          tls:
            frontend:
              default:
                validation: {caCertificateRefs: [{group: "", kind: ConfigMap, name: backend-ca}]}
        """;

    private static TlsScenario Scenario(string frontend = "") => new(
        ("gateway.yaml", Gateway(frontend)),
        ("secrets.yaml", TestPki.SecretYaml("default", "www-cert", Www) + "\n---\n" + TestPki.CaConfigMapYaml("default", "backend-ca", Ca) +
                         "\n---\n" + TestPki.CaConfigMapYaml("default", "unrelated-ca", OtherCa)));

    [Fact]
    public async Task BackendTlsPolicy_VerifiesCaAndName_FailureIs503ConnectFailure()
    {
        using var scenario = Scenario();
        await using var backend = await TlsBackend.StartAsync("secure", Backend);
        var ports = new Dictionary<string, int> { ["good"] = backend.Port, ["wrong-name"] = backend.Port, ["wrong-ca"] = backend.Port };
        await using var host = await TlsScenario.Start(scenario.Snapshot(ports));
        var (client, _) = TlsScenario.Client(host.Sockets.Single().EndPoint.Port);

        // The backend saw TLS with the policy's SNI... and the client's Host, as Envoy forwards it.
        Assert.StartsWith("secure HTTP/1.1 www.example.com", await client.GetStringAsync("https://www.example.com/good"));
        using var wrongName = await client.GetAsync("https://www.example.com/wrong-name");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, wrongName.StatusCode);
        using var wrongCa = await client.GetAsync("https://www.example.com/wrong-ca");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, wrongCa.StatusCode);

        const string prefix = "cluster.default/cilium-gateway-edge/default:";
        Assert.True(host.Stats.Get(prefix + "good:443.ssl.handshake") >= 1);
        Assert.True(host.Stats.Get(prefix + "wrong-name:443.ssl.fail_verify_san") >= 1);
        Assert.True(host.Stats.Get(prefix + "wrong-ca:443.ssl.fail_verify_error") >= 1);
        Assert.True(host.Stats.Get(prefix + "wrong-ca:443.upstream_cx_connect_fail") >= 1);
    }

    [Fact]
    public async Task FrontendValidation_RequiresAClientCertificateFromTheCa()
    {
        using var scenario = Scenario(Frontend);
        await using var backend = await TlsBackend.StartAsync("secure", Backend);
        await using var host = await TlsScenario.Start(scenario.Snapshot(new Dictionary<string, int> { ["good"] = backend.Port }));
        var port = host.Sockets.Single().EndPoint.Port;

        var (trusted, _) = TlsScenario.Client(port, Client);
        Assert.StartsWith("secure ", await trusted.GetStringAsync("https://www.example.com/good"));
        var (anonymous, _) = TlsScenario.Client(port);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.GetStringAsync("https://www.example.com/good"));
        var (stranger, _) = TlsScenario.Client(port, Stranger);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => stranger.GetStringAsync("https://www.example.com/good"));
        Assert.True(host.Stats.Get($"listener.127.0.0.1_{port}.ssl.fail_verify_no_cert") >= 1);
        Assert.True(host.Stats.Get($"listener.127.0.0.1_{port}.ssl.fail_verify_error") >= 1);
    }

    [Fact]
    public async Task Reload_SwapsTheCertificate_ConnectionsInFlightKeepWorking()
    {
        using var scenario = Scenario();
        await using var backend = await TlsBackend.StartAsync("secure", Backend);
        var ports = new Dictionary<string, int> { ["good"] = backend.Port };
        await using var host = await TlsScenario.Start(scenario.Snapshot(ports));
        var port = host.Sockets.Single().EndPoint.Port;
        var (before, seenBefore) = TlsScenario.Client(port);
        Assert.StartsWith("secure ", await before.GetStringAsync("https://www.example.com/good"));
        Assert.Equal(Www.Thumbprint, seenBefore()!.Thumbprint);

        // Renewed certificate in the secret files, same bundle: the reload picks up the new material.
        var renewed = TestPki.Leaf(Ca, ["www.example.com"]);
        var secrets = Path.Combine(scenario.Inputs, "secrets.yaml");
        await File.WriteAllTextAsync(secrets, TestPki.SecretYaml("default", "www-cert", renewed) + "\n---\n" + TestPki.CaConfigMapYaml("default", "backend-ca", Ca));
        var next = scenario.Snapshot(ports, SecretStore.Read([scenario.Inputs]));
        Assert.NotEqual(host.Holder.Current.SecretsFingerprint, next.SecretsFingerprint);
        host.Apply(next);

        var (after, seenAfter) = TlsScenario.Client(port);
        Assert.StartsWith("secure ", await after.GetStringAsync("https://www.example.com/good"));
        Assert.Equal(renewed.Thumbprint, seenAfter()!.Thumbprint);
        // The connection opened before the reload is kept (same socket) and still serves requests.
        Assert.StartsWith("secure ", await before.GetStringAsync("https://www.example.com/good"));
        Assert.Equal(Www.Thumbprint, seenBefore()!.Thumbprint);
    }
}

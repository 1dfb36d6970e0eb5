using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Meshc.Runtime.Model;
using Meshc.Runtime.Tests.Support;
using Meshc.Runtime.Tests.Tls;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// The GATEWAY-TLS profile's TLSRoute tests beyond TLSRouteSimpleSameNamespace: which SNI reaches which backend through
/// passthrough listeners whose hostnames intersect the routes' (TLSRouteHostnameIntersection), and the status of routes
/// whose backend does not resolve. The suite's tls-backend and tls-backend-2 are TLS servers on loopback here, each
/// with its own certificate, so the client sees which one terminated its handshake.
/// </summary>
public sealed class TlsRouteConformanceTests
{
    private const string Infra = "gateway-conformance-infra";
    private static readonly X509Certificate2 Ca = TestPki.Ca("tlsroute CA");
    private static readonly X509Certificate2 BackendCert = TestPki.Leaf(Ca, ["abc.example.com", "other.example.com", "non.matching.com", "non.matching.org"]);
    private static readonly X509Certificate2 Backend2Cert = TestPki.Leaf(Ca, ["abc.example.com", "other.example.com", "non.matching.com", "non.matching.org"]);

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task TLSRouteHostnameIntersection_SniReachesTheIntersectingRoutesBackend()
    {
        var (compiled, snapshot) = ConformanceRun.Compile(ConformanceManifests.Load("tlsroute-hostname-intersection"));
        foreach (var route in new[]
                 {
                     "tlsroute-more-specific-wc-hostname-x-1", "tlsroute-exact-hostname-x-2", "tlsroute-less-specific-wc-hostname-x-2",
                     "tlsroute-exact-hostname-x-3", "tlsroute-more-specific-wc-hostname-x-3", "tlsroute-exact-hostname-x-4", "tlsroute-less-specific-wc-hostname-x-4",
                 })
        {
            StatusAssert.RouteParent(compiled.Status, route, "Accepted", true, "Accepted");
            StatusAssert.RouteParent(compiled.Status, route, "ResolvedRefs", true, "ResolvedRefs");
        }
        await using var backend = await TlsBackend.StartAsync("tls-backend", BackendCert);
        await using var backend2 = await TlsBackend.StartAsync("tls-backend-2", Backend2Cert);
        var clusters = snapshot.Clusters.ToDictionary(kv => kv.Key, kv =>
                kv.Key.EndsWith(":tls-backend:443", StringComparison.Ordinal) ? kv.Value with { Endpoints = [new EndpointModel("127.0.0.1", backend.Port)] }
                : kv.Key.EndsWith(":tls-backend-2:443", StringComparison.Ordinal) ? kv.Value with { Endpoints = [new EndpointModel("127.0.0.1", backend2.Port)] }
                : kv.Value,
            StringComparer.Ordinal);
        await using var proxy = await RuntimeHarness.Start(snapshot with { Clusters = clusters });

        // Per Gateway (listener hostname): SNI → the backend whose certificate the client sees, or null when refused.
        var rows = new (string Gateway, string Sni, X509Certificate2? Expected)[]
        {
            ("gw-tlsroute-exact-hostname-x-1", "abc.example.com", BackendCert),
            ("gw-tlsroute-exact-hostname-x-1", "non.matching.com", null),
            ("gw-tlsroute-more-specific-wc-hostname-x-2", "abc.example.com", BackendCert),
            ("gw-tlsroute-more-specific-wc-hostname-x-2", "other.example.com", Backend2Cert),
            ("gw-tlsroute-more-specific-wc-hostname-x-2", "non.matching.com", null),
            ("gw-tlsroute-less-specific-wc-hostname-x-3", "abc.example.com", BackendCert),
            ("gw-tlsroute-less-specific-wc-hostname-x-3", "other.example.com", Backend2Cert),
            ("gw-tlsroute-less-specific-wc-hostname-x-3", "non.matching.com", null),
            ("gw-tlsroute-empty-hostname-x-4", "abc.example.com", BackendCert),
            ("gw-tlsroute-empty-hostname-x-4", "other.example.com", Backend2Cert),
            ("gw-tlsroute-empty-hostname-x-4", "non.matching.org", null),
        };
        var failures = new List<string>();
        foreach (var (gateway, sni, expected) in rows)
        {
            var port = proxy.ListenerPorts[$"{Infra}/cilium-gateway-{gateway}/listener"];
            var seen = await PassthroughHandshake(port, sni);
            if (expected is null ? seen is not null : seen?.Thumbprint != expected.Thumbprint)
                failures.Add($"{gateway} SNI {sni}: expected {Name(expected)}, got {Name(seen)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        string Name(X509Certificate2? c) => c is null ? "rejection" : c.Thumbprint == BackendCert.Thumbprint ? "tls-backend" : c.Thumbprint == Backend2Cert.Thumbprint ? "tls-backend-2" : c.Subject;
    }

    /// <summary>A TLS handshake with <paramref name="sni"/>; the certificate that answered, or null when the connection was refused.</summary>
    private static async Task<X509Certificate2?> PassthroughHandshake(int port, string sni)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        X509Certificate2? seen = null;
        await using var ssl = new SslStream(tcp.GetStream());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = sni,
                RemoteCertificateValidationCallback = (_, c, _, _) =>
                {
                    seen = c is null ? null : new X509Certificate2(c);
                    return true;
                },
            }, timeout.Token);
            return seen;
        }
        catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException)
        {
            return null;
        }
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public void TLSRouteInvalidReferenceGrant_ResolvedRefsFalseRefNotPermitted()
    {
        // None of the manifest's ReferenceGrants permits the cross-namespace backendRef (MC0205).
        var result = ConformanceRun.Check("tlsroute-invalid-reference-grant", "MC0205");
        StatusAssert.RouteParent(result.Status, "gateway-conformance-infra-test", "Accepted", true, "Accepted");
        StatusAssert.RouteParent(result.Status, "gateway-conformance-infra-test", "ResolvedRefs", false, "RefNotPermitted");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public void TLSRouteInvalidBackendRefUnknownKind_ResolvedRefsFalseInvalidKind()
    {
        var result = ConformanceRun.Check("tlsroute-invalid-backendref-unknown-kind", "MC0206");
        StatusAssert.RouteParent(result.Status, "invalid-backend-ref-unknown-kind", "Accepted", true, "Accepted");
        StatusAssert.RouteParent(result.Status, "invalid-backend-ref-unknown-kind", "ResolvedRefs", false, "InvalidKind");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public void TLSRouteInvalidBackendRefNonexistent_ResolvedRefsFalseBackendNotFound()
    {
        var result = ConformanceRun.Check("tlsroute-invalid-backendref-nonexistent", "MC0201");
        StatusAssert.RouteParent(result.Status, "invalid-backend-ref-nonexistent", "Accepted", true, "Accepted");
        StatusAssert.RouteParent(result.Status, "invalid-backend-ref-nonexistent", "ResolvedRefs", false, "BackendNotFound");
    }
}

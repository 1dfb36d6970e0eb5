using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Meshc.Compiler.Text;
using Meshc.Runtime.Tests.Tls;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// The suite's frontend client-certificate tests (GatewayFrontendClientCertificateValidation, its InsecureFallback
/// variant, GatewayInvalidFrontendClientCertificateValidation). The suite generates the server Secret, two client
/// Secrets and the two CA ConfigMaps that issued them at run time; here they are made at test time: the default CA
/// signs one client certificate, the per-port CA (port 8443) the other, so each client is trusted on one port only.
/// </summary>
public sealed class ClientCertificateConformanceTests
{
    private const string Infra = "gateway-conformance-infra";
    private static readonly X509Certificate2 ServerCa = TestPki.Ca("conformance server CA");
    private static readonly X509Certificate2 Server = TestPki.Leaf(ServerCa, ["example.org", "second-example.org"]);
    private static readonly X509Certificate2 DefaultCa = TestPki.Ca("default client CA");
    private static readonly X509Certificate2 PerPortCa = TestPki.Ca("per-port client CA");
    private static readonly X509Certificate2 DefaultClient = TestPki.Leaf(DefaultCa, ["client.example.org"], client: true);
    private static readonly X509Certificate2 PerPortClient = TestPki.Leaf(PerPortCa, ["per-port-client.example.org"], client: true);

    private static List<SourceText> Sources(string test) =>
    [
        .. ConformanceManifests.Load(test),
        new SourceText("generated/tls-validity-checks.yaml", string.Join("\n---\n",
            TestPki.SecretYaml(Infra, "tls-validity-checks-certificate", Server),
            TestPki.CaConfigMapYaml(Infra, "tls-validity-checks-ca-certificate", DefaultCa),
            TestPki.CaConfigMapYaml(Infra, "tls-validity-checks-per-port-ca-certificate", PerPortCa))),
    ];

    /// <summary>
    /// GET https://host[:port]/ at <paramref name="at"/> (the Gateway port <paramref name="port"/> is in the Host unless it
    /// is 443, as a client of that port sends it; upstream sends the bare name, see docs/conformance.md), presenting <paramref name="client"/>; the backend that answered, or null when the connection was refused.</summary>
    private static async Task<string?> Reached(IPEndPoint at, int port, string host, X509Certificate2? client)
    {
        X509Certificate2? seen = null;
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(at, token);
                return new NetworkStream(socket, ownsSocket: true);
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    seen = certificate is null ? null : new X509Certificate2(certificate);
                    return true;
                },
                ClientCertificates = client is null ? null : [client],
            },
        }) { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync(port == 443 ? $"https://{host}/" : $"https://{host}:{port}/");
            Assert.Equal(Server.Thumbprint, seen!.Thumbprint);
            Assert.Equal(200, (int)response.StatusCode);
            var body = (await response.Content.ReadAsStringAsync()).Replace(" ", "", StringComparison.Ordinal);
            return body.Contains("\"service\":\"infra-backend-v1\"", StringComparison.Ordinal) ? "infra-backend-v1"
                : body.Contains("\"service\":\"infra-backend-v2\"", StringComparison.Ordinal) ? "infra-backend-v2"
                : body;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>
    /// Serves the manifest as <c>meshc run</c> does by default, the Gateway on its own address with one socket per
    /// listener port (so the port's own validation applies), after the suite's status checks.
    /// </summary>
    private static async Task<(ConformanceRun Run, Func<int, IPEndPoint> At)> Serve(string test, string gateway)
    {
        var run = await ConformanceRun.StartOnAddressesAsync(Sources(test));
        foreach (var route in run.Status.Routes.Where(r => r.Parents.Any(p => p.ParentRef.Name == gateway)))
        {
            StatusAssert.RouteParent(run.Status, route.Object.Name, "Accepted", true, "Accepted");
            StatusAssert.RouteParent(run.Status, route.Object.Name, "ResolvedRefs", true, "ResolvedRefs");
        }
        StatusAssert.Gateway(run.Status, gateway, "Accepted", true, "Accepted");
        // The Gateway's sockets are its listener ports plus one offset: in port order they pair up.
        var sockets = run.Proxy.Sockets.Where(s => s.Binding is { Kind: "gateway" } b && b.Name == gateway).OrderBy(s => s.EndPoint.Port).ToList();
        var ports = sockets[0].Binding!.Ports.Order().ToList();
        Assert.Equal(ports.Count, sockets.Count);
        return (run, port => sockets[ports.IndexOf(port)].EndPoint);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task GatewayFrontendClientCertificateValidation_EachPortTrustsOnlyItsCa()
    {
        var (run, at) = await Serve("gateway-with-clientcertificate-validation", "client-validation-default");
        await using var _ = run;
        var port = 443;
        // Port 443 (the default validation): the default CA's client passes; the per-port CA's client and no certificate fail.
        Assert.Equal("infra-backend-v1", await Reached(at(port), port, "example.org", DefaultClient));
        Assert.Null(await Reached(at(port), port, "example.org", PerPortClient));
        Assert.Null(await Reached(at(port), port, "example.org", null));
        // Port 8443 (second-example.org, its own validation): the other way round.
        port = 8443;
        Assert.Equal("infra-backend-v2", await Reached(at(port), port, "second-example.org", PerPortClient));
        Assert.Null(await Reached(at(port), port, "second-example.org", DefaultClient));
        Assert.Null(await Reached(at(port), port, "second-example.org", null));
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task GatewayFrontendClientCertificateValidationInsecureFallback_AnyClientIsServed()
    {
        const string gateway = "client-validation-insecure-fallback";
        var (run, at) = await Serve("gateway-with-clientcertificate-validation-insecure-fallback", gateway);
        await using var _ = run;
        StatusAssert.Gateway(run.Status, gateway, "InsecureFrontendValidationMode", true, "ConfigurationChanged");
        foreach (var client in new[] { DefaultClient, PerPortClient, null })
        {
            Assert.Equal("infra-backend-v1", await Reached(at(443), 443, "example.org", client));
            Assert.Equal("infra-backend-v2", await Reached(at(8443), 8443, "second-example.org", client));
        }
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public void GatewayFrontendClientCertificateValidation_StrictGatewayHasNoInsecureCondition()
    {
        var result = ConformanceRun.Check(Sources("gateway-with-clientcertificate-validation"));
        Assert.DoesNotContain(StatusAssert.GatewayOf(result.Status, "client-validation-default").Conditions,
            c => c.Type.ToString() == "InsecureFrontendValidationMode");
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public void GatewayInvalidFrontendClientCertificateValidation_OnlyTheBadListenersAreRefused()
    {
        // A missing ConfigMap is a warning (MC0267); a Service as CA (MC0266) and a cross-namespace CA without a grant
        // (MC0268) are errors, so the manifest is checked through status, as upstream does.
        var result = ConformanceRun.Check(Sources("gateway-with-invalid-clientcertificate-validation"), "MC0266", "MC0267", "MC0268");
        const string gateway = "gateway-with-invalid-client-cert-validation";
        foreach (var type in new[] { "ResolvedRefs", "Accepted", "Programmed" })
            StatusAssert.Listener(result.Status, gateway, "https", type, true, null);
        foreach (var (listener, refs) in new[] { ("https-unresolved", "InvalidCACertificateRef"), ("https-invalid-kind", "InvalidCACertificateKind"), ("https-grant-missing", "RefNotPermitted") })
        {
            StatusAssert.Listener(result.Status, gateway, listener, "ResolvedRefs", false, refs);
            StatusAssert.Listener(result.Status, gateway, listener, "Accepted", false, "NoValidCACertificate");
            StatusAssert.Listener(result.Status, gateway, listener, "Programmed", false, null);
        }
    }
}

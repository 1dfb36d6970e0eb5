using System.Net;
using Meshc.Compiler.Cli;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Cli;

/// <summary>
/// A partly broken configuration end to end, as a user meets it: <c>meshc compile</c> exits 1 naming every problem and
/// still writes the bundle; the runtime serves it as Cilium would program it (the valid rule answers, the broken rule
/// answers 500, the unattached route's host is not served) and says at start what was left out.
/// </summary>
public sealed class DegradedRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-degraded-").FullName;

    private static readonly string MixedGateway = Path.Combine(RuntimeHarness.RepoRoot, "tests", "golden", "cases", "degrade", "mixed-gateway", "input.yaml");
    private static readonly string Services = Path.Combine(RuntimeHarness.RepoRoot, "tests", "golden", "fixtures", "basic-gateway", "services.yaml");

    private static (int Code, string Out, string Err) Compile(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = MeshcCommand.Run(["compile", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (LoadedBundle Bundle, RuntimeSnapshot Snapshot) Load(string folder)
    {
        var loaded = BundleLoader.Load(folder);
        Assert.True(loaded.Success, loaded.Error);
        var (snapshot, error) = BuildSnapshot.From(loaded.Bundle!);
        Assert.True(snapshot is not null, error);
        return (loaded.Bundle!, snapshot!);
    }

    [Fact]
    public async Task MixedGateway_CompileExitsOneWithTheBundle_RunServesValid500AndNothingForTheUnattachedHost()
    {
        var output = Path.Combine(_dir, "out");
        var (code, stdout, stderr) = Compile(MixedGateway, Services, "-o", output);
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.Contains("error MC0201: backendRef names Service 'default/cart'", stderr);
        Assert.Contains("error MC0211: HTTPRoute 'default/api' shares no hostname", stderr);
        Assert.Contains("2 errors above", stdout);

        var (bundle, snapshot) = Load(output);
        var status = bundle.Status();
        var shop = status.Routes.Single(r => r.Name == "shop");
        Assert.Contains(shop.Conditions, c => c is { Type: "Accepted", Status: true });
        Assert.Contains(shop.Conditions, c => c is { Type: "ResolvedRefs", Status: false, Reason: "BackendNotFound" });
        Assert.Contains(status.Routes.Single(r => r.Name == "api").Conditions, c => c is { Type: "Accepted", Status: false, Reason: "NoMatchingListenerHostname" });

        await using var backends = await DemoBackends.StartAsync(snapshot);
        await using var proxy = await RuntimeHarness.Start(backends.Redirect(snapshot));
        using var client = RuntimeHarness.Client();
        var port = proxy.ListenerPorts["default/cilium-gateway-shop-gw/listener"];
        async Task<HttpStatusCode> Get(string host, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}{path}");
            request.Headers.Host = host;
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Get("www.example.com", "/shop"));
        Assert.Equal(HttpStatusCode.InternalServerError, await Get("www.example.com", "/cart"));
        Assert.Equal(HttpStatusCode.NotFound, await Get("api.example.org", "/"));

        var notes = StartupNotes.Lines(status, proxy.Sockets).ToList();
        Assert.Equal([
            "left out: httproute default/api from gateway default/shop-gw: Accepted=False NoMatchingListenerHostname: HTTPRoute 'default/api' shares no hostname with the listeners of Gateway 'default/shop-gw'",
            "httproute default/shop on gateway default/shop-gw: ResolvedRefs=False BackendNotFound: backendRef names Service 'default/cart', which does not exist; a rule left without a backend answers 500",
        ], notes);
    }

    [Fact]
    public async Task PartlyResolvedRule_ServesItsBackendAnd500ForTheUnresolvedShare()
    {
        var input = Path.Combine(RuntimeHarness.RepoRoot, "tests", "golden", "cases", "degrade", "partly-resolved-rule", "input.yaml");
        var output = Path.Combine(_dir, "out");
        var (code, _, stderr) = Compile(input, Services, "-o", output);
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.Contains("error MC0201: backendRef names Service 'default/gone'", stderr);

        var (_, snapshot) = Load(output);
        await using var backends = await DemoBackends.StartAsync(snapshot);
        await using var proxy = await RuntimeHarness.Start(backends.Redirect(snapshot));
        using var client = RuntimeHarness.Client();
        var port = proxy.ListenerPorts["default/cilium-gateway-gw/listener"];
        // Weights 3 (echo-1) and 1 (unresolved): 200 requests all of one kind has probability below 1e-24.
        var counts = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}/");
            counts[response.StatusCode] = counts.GetValueOrDefault(response.StatusCode) + 1;
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.InternalServerError], counts.Keys.Order());
        Assert.InRange(counts[HttpStatusCode.InternalServerError], 20, 85); // binomial(200, 1/4): mean 50, bounds beyond 5 sigma
    }

    [Fact]
    public async Task LbPoolNone_GatewayWithoutAddress_IsServedOnItsListenerSocketAndSaysSo()
    {
        var input = Path.Combine(_dir, "gw.yaml");
        File.WriteAllText(input, """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: { name: gw, namespace: default }
            spec:
              gatewayClassName: cilium
              listeners: [{ name: http, protocol: HTTP, port: 80 }]
            """);
        var output = Path.Combine(_dir, "out");
        var (code, _, stderr) = Compile(input, "-o", output, "--lb-pool", "none");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("warning MC0460", stderr);

        var (bundle, snapshot) = Load(output);
        Assert.Empty(snapshot.Bindings);
        // As meshc run serves by default (Gateways on their addresses): this one has none, so its listener keeps its own socket.
        await using var proxy = await ProxyHost.StartAsync(snapshot,
            new ProxyOptions(IPAddress.Loopback, 0, AdminPort: 0) { EphemeralPorts = true, UseBindings = true });
        var socket = Assert.Single(proxy.Sockets);
        var note = Assert.Single(StartupNotes.Lines(bundle.Status(), proxy.Sockets));
        Assert.Equal($"gateway default/gw has no address (Programmed=False AddressNotAssigned: no address assigned: the cluster has no LB IPAM (--lb-pool none)); served on {socket.Url} instead", note);
        using var client = RuntimeHarness.Client();
        using var response = await client.GetAsync(socket.Url + "/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void ListenerWithBadCertificate_IsNamedAsLeftOut_WhileTheGatewayIsServed()
    {
        var input = Path.Combine(RuntimeHarness.RepoRoot, "tests", "golden", "cases", "degrade", "listener-bad-certificate", "input.yaml");
        var output = Path.Combine(_dir, "out");
        var (code, _, stderr) = Compile(input, Services, "-o", output);
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.Contains("error MC0216", stderr);
        var (bundle, snapshot) = Load(output);
        Assert.Single(snapshot.Listeners);
        Assert.Equal(
            ["left out: listener https of gateway default/gw: Accepted=False Invalid: no usable certificate: listener 'https' refers to kind ConfigMap; only core Secrets hold certificates"],
            StartupNotes.Lines(bundle.Status(), []));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

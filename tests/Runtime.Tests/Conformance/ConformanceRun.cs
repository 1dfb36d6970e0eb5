using System.Net;
using System.Text.Json;
using Meshc.Compiler.BackEnds.Status;
using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// One upstream conformance test end to end: its manifests compiled with the base through <see cref="Compilation"/>,
/// the bundle written and loaded as <c>meshc run</c> loads it, demo echo backends on loopback for every Service the
/// clusters use, and the proxy on loopback: on ephemeral ports, or on the Gateways' own addresses. Rows are sent to a Gateway and checked against the
/// answer and what the backend saw.
/// </summary>
internal sealed class ConformanceRun : IAsyncDisposable
{
    private readonly HttpClient _client = RuntimeHarness.Client();

    private ConformanceRun(EmitResult compiled, BundleStatus bundleStatus, DemoBackends backends, ProxyHost proxy)
    {
        Compiled = compiled;
        BundleStatus = bundleStatus;
        Backends = backends;
        Proxy = proxy;
    }

    public EmitResult Compiled { get; }

    /// <summary>The status as the loaded bundle carries it (what <c>meshc run</c> reads for its start-up lines).</summary>
    public BundleStatus BundleStatus { get; }

    /// <summary>The lines <c>meshc run</c> prints at start about what the compiler left out (<see cref="StartupNotes"/>).</summary>
    public IReadOnlyList<string> Notes => [.. StartupNotes.Lines(BundleStatus, Proxy.Sockets)];
    public StatusReport Status => Compiled.Status;
    public DemoBackends Backends { get; }
    public ProxyHost Proxy { get; }

    /// <summary>Compiles sources the test prepared (the suite's manifests, edited) and serves them on ephemeral ports.</summary>
    public static Task<ConformanceRun> StartAsync(IReadOnlyList<SourceText> sources) => StartAsync(sources, onAddresses: false, []);

    /// <summary>Compiles the test's manifests and serves them; the compilation must succeed.</summary>
    public static Task<ConformanceRun> StartAsync(string test) => StartAsync(ConformanceManifests.Load(test), onAddresses: false, []);

    /// <summary>
    /// Compiles the test's whole manifest with the Secrets the suite creates at set-up (<see cref="SuiteSecrets"/>); it
    /// must give exactly the listed errors, all of them fallback errors: the bundle is still built, as Cilium would
    /// program the valid part, and it is served as <c>meshc run</c> serves it.
    /// </summary>
    public static Task<ConformanceRun> StartWithErrorsAsync(string test, params string[] errors) =>
        StartAsync([.. ConformanceManifests.Load(test), SuiteSecrets.Source()], onAddresses: false, errors);

    /// <summary>
    /// Compiles the sources and serves them as <c>meshc run</c> does by default: each Gateway on the address the compiler
    /// assigned it (<see cref="ProxyOptions.UseBindings"/>), at its listener ports plus an offset (<see cref="AddressedProxy"/>).
    /// </summary>
    public static Task<ConformanceRun> StartOnAddressesAsync(IReadOnlyList<SourceText> sources) => StartAsync(sources, onAddresses: true, []);

    private static async Task<ConformanceRun> StartAsync(IReadOnlyList<SourceText> sources, bool onAddresses, string[] errors)
    {
        var (compiled, snapshot, bundleStatus) = Load(sources, errors);
        var backends = await DemoBackends.StartAsync(snapshot);
        try
        {
            var served = backends.Redirect(snapshot);
            var proxy = onAddresses ? await AddressedProxy.StartAsync(served) : await RuntimeHarness.Start(served);
            return new ConformanceRun(compiled, bundleStatus, backends, proxy);
        }
        catch
        {
            await backends.DisposeAsync();
            throw;
        }
    }

    /// <summary>Compiles the sources (which must compile without errors), writes the bundle and loads it as <c>meshc run</c> does.</summary>
    public static (EmitResult Compiled, RuntimeSnapshot Snapshot) Compile(IReadOnlyList<SourceText> sources)
    {
        var (compiled, snapshot, _) = Load(sources, []);
        return (compiled, snapshot);
    }

    /// <summary>Compiles the sources (whose errors must be exactly <paramref name="errors"/>), writes the bundle and loads it.</summary>
    private static (EmitResult Compiled, RuntimeSnapshot Snapshot, BundleStatus Status) Load(IReadOnlyList<SourceText> sources, string[] errors)
    {
        // The sources' Secrets and ConfigMaps serve the bundle's TLS, as for inputs given to `meshc run`.
        var secrets = SecretStore.Parse(sources.Select(s => (s.Path, s.Text)));
        var compiled = Compilation.Create(sources).Emit();
        var found = compiled.Diagnostics.Where(d => d.Severity == Meshc.Compiler.Diagnostics.Severity.Error).Select(d => d.Code.Value).Distinct().Order(StringComparer.Ordinal);
        Assert.True(found.SequenceEqual(errors.Order(StringComparer.Ordinal)), $"expected errors [{string.Join(", ", errors)}]; got:\n" + string.Join("\n", compiled.Diagnostics));
        Assert.True(compiled.Bundle is not null, "no bundle:\n" + string.Join("\n", compiled.Diagnostics));
        var folder = Path.Combine(Path.GetTempPath(), "meshc-conformance-tests", Guid.NewGuid().ToString("N"));
        try
        {
            BundleWriter.Write(compiled.Bundle!, folder);
            var loaded = BundleLoader.Load(folder);
            Assert.True(loaded.Success, loaded.Error);
            var (built, error) = BuildSnapshot.From(loaded.Bundle!, secrets);
            Assert.True(built is not null, error);
            return (compiled, built!, loaded.Bundle!.Status());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The whole manifest checked without serving it, for tests whose manifest holds objects meshc rejects: the status
    /// of every object, and the diagnostics (the listed codes must be among them).
    /// </summary>
    public static EmitResult Check(string test, params string[] expectedCodes) => Check(ConformanceManifests.Load(test), expectedCodes);

    /// <summary>As <see cref="Check(string, string[])"/>, for sources the test prepared.</summary>
    public static EmitResult Check(IReadOnlyList<SourceText> sources, params string[] expectedCodes)
    {
        var result = Compilation.Create(sources).Check();
        foreach (var code in expectedCodes)
            Assert.True(result.Diagnostics.Any(d => d.Code.Value == code), $"{sources[^1].Path}: expected {code}; got:\n{string.Join("\n", result.Diagnostics)}");
        return result;
    }

    /// <summary>
    /// How a Gateway ("namespace/name") is reached, and the Host a client of it sends by default. Served on addresses:
    /// the Gateway's own address at its first listener port (plus the offset), with that address as Host (and the port
    /// unless it is 80). Otherwise: the ephemeral socket of its CiliumEnvoyConfig listener, with Host 127.0.0.1. The
    /// only place that knows this.
    /// </summary>
    public (Uri Base, string Host) Reach(string gateway)
    {
        var slash = gateway.IndexOf('/');
        var (ns, name) = (gateway[..slash], gateway[(slash + 1)..]);
        if (Proxy.Sockets.FirstOrDefault(s => s.Binding is { Kind: "gateway" } b && b.Namespace == ns && b.Name == name) is { } bound)
        {
            var address = bound.Binding!.Address.ToString();
            var port = bound.Binding.Ports[0];
            return (new Uri($"http://{address}:{bound.EndPoint.Port}"), port == 80 ? address : $"{address}:{port}");
        }
        var cec = "cilium-gateway-" + name;
        // Cilium names a Gateway's CiliumEnvoyConfig cilium-gateway-<name>; past 63 characters it keeps the first 52
        // and appends '-' and a hash.
        var listener = Proxy.ListenerPorts.Keys.SingleOrDefault(k => cec.Length <= 63
            ? k == $"{ns}/{cec}/listener"
            : k.StartsWith($"{ns}/{cec[..52]}-", StringComparison.Ordinal) && k.EndsWith("/listener", StringComparison.Ordinal));
        Assert.True(listener is not null, $"no listener for Gateway {gateway}; listeners: {string.Join(", ", Proxy.ListenerPorts.Keys)}");
        return (new Uri($"http://127.0.0.1:{Proxy.ListenerPorts[listener!]}"), "127.0.0.1");
    }

    /// <summary>Sends one row and returns what came back.</summary>
    public Task<Observed> SendAsync(Row row)
    {
        var (baseUri, defaultHost) = Reach(row.Gateway);
        return SendAsync(_client, row, baseUri, row.Host ?? defaultHost);
    }

    /// <summary>Sends one row to <paramref name="baseUri"/> with Host <paramref name="host"/> and returns what came back.</summary>
    public static async Task<Observed> SendAsync(HttpClient client, Row row, Uri baseUri, string host)
    {
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(baseUri, row.Path))
        {
            Version = row.Version,
            // Exact: HTTP/2 over http:// is h2c with prior knowledge, never a fallback to HTTP/1.1.
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Host = host;
        foreach (var (name, value) in row.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (row.BackendSets.Length > 0)
            request.Headers.TryAddWithoutValidation("X-Echo-Set-Header", string.Join(",", row.BackendSets.Select(h => $"{h.Name}:{h.Value}")));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(",", g.SelectMany(h => h.Value)), StringComparer.OrdinalIgnoreCase);
        JsonElement? echo = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/json")
            echo = JsonDocument.Parse(body).RootElement.Clone();
        return new Observed(host, (int)response.StatusCode, response.Headers.Location?.OriginalString, headers, echo, body);
    }

    /// <summary>Sends every row and fails once, listing every row whose answer differs from its expectation.</summary>
    public async Task ExpectAllAsync(IEnumerable<Row> rows)
    {
        var failures = new List<string>();
        foreach (var row in rows)
        {
            var observed = await SendAsync(row);
            var problems = RowCheck.Differences(row, observed);
            if (problems.Count > 0) failures.Add($"{row}: {string.Join("; ", problems)}");
        }
        Assert.True(failures.Count == 0, "rows that differ from the conformance expectation:\n" + string.Join("\n", failures));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Proxy.DisposeAsync();
        await Backends.DisposeAsync();
    }
}

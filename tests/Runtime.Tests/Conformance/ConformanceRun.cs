using System.Net;
using System.Text.Json;
using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Semantics;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// One upstream conformance test end to end: its manifests compiled with the base through <see cref="Compilation"/>,
/// the bundle written and loaded as <c>meshc run</c> loads it, demo echo backends on loopback for every Service the
/// clusters use, and the proxy on loopback ephemeral ports. Rows are sent to a Gateway and checked against the
/// answer and what the backend saw.
/// </summary>
internal sealed class ConformanceRun : IAsyncDisposable
{
    private readonly HttpClient _client = RuntimeHarness.Client();

    private ConformanceRun(EmitResult compiled, DemoBackends backends, ProxyHost proxy)
    {
        Compiled = compiled;
        Backends = backends;
        Proxy = proxy;
    }

    public EmitResult Compiled { get; }
    public StatusReport Status => Compiled.Status;
    public DemoBackends Backends { get; }
    public ProxyHost Proxy { get; }

    /// <summary>Compiles the test's manifests (without the listed objects) and serves them; the compilation must succeed.</summary>
    public static async Task<ConformanceRun> StartAsync(string test, params (string Kind, string Name)[] without)
    {
        var compiled = Compilation.Create(ConformanceManifests.Load(test, without)).Emit();
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        var folder = Path.Combine(Path.GetTempPath(), "meshc-conformance-tests", Guid.NewGuid().ToString("N"));
        RuntimeSnapshot snapshot;
        try
        {
            BundleWriter.Write(compiled.Bundle!, folder);
            var loaded = BundleLoader.Load(folder);
            Assert.True(loaded.Success, loaded.Error);
            var (built, error) = BuildSnapshot.From(loaded.Bundle!);
            Assert.True(built is not null, error);
            snapshot = built!;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        var backends = await DemoBackends.StartAsync(snapshot);
        try
        {
            return new ConformanceRun(compiled, backends, await RuntimeHarness.Start(backends.Redirect(snapshot)));
        }
        catch
        {
            await backends.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The whole manifest checked without serving it, for tests whose manifest holds objects meshc rejects: the status
    /// of every object, and the diagnostics (the listed codes must be among them).
    /// </summary>
    public static EmitResult Check(string test, params string[] expectedCodes)
    {
        var result = Compilation.Create(ConformanceManifests.Load(test)).Check();
        foreach (var code in expectedCodes)
            Assert.True(result.Diagnostics.Any(d => d.Code.Value == code), $"{test}: expected {code}; got:\n{string.Join("\n", result.Diagnostics)}");
        return result;
    }

    /// <summary>
    /// How a Gateway ("namespace/name") is reached: the socket of its CiliumEnvoyConfig listener, and the Host a client
    /// of the Gateway's port 80 sends. The only place that knows this, so per-Gateway addresses change just here.
    /// </summary>
    public (Uri Base, string Host) Reach(string gateway)
    {
        var slash = gateway.IndexOf('/');
        var (ns, cec) = (gateway[..slash], "cilium-gateway-" + gateway[(slash + 1)..]);
        // Cilium names a Gateway's CiliumEnvoyConfig cilium-gateway-<name>; past 63 characters it keeps the first 52
        // and appends '-' and a hash.
        var listener = Proxy.ListenerPorts.Keys.SingleOrDefault(k => cec.Length <= 63
            ? k == $"{ns}/{cec}/listener"
            : k.StartsWith($"{ns}/{cec[..52]}-", StringComparison.Ordinal) && k.EndsWith("/listener", StringComparison.Ordinal));
        Assert.True(listener is not null, $"no listener for Gateway {gateway}; listeners: {string.Join(", ", Proxy.ListenerPorts.Keys)}");
        return (new Uri($"http://127.0.0.1:{Proxy.ListenerPorts[listener!]}"), "127.0.0.1");
    }

    /// <summary>Sends one row and returns what came back.</summary>
    public async Task<Observed> SendAsync(Row row)
    {
        var (baseUri, defaultHost) = Reach(row.Gateway);
        var host = row.Host ?? defaultHost;
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(baseUri, row.Path));
        request.Headers.Host = host;
        foreach (var (name, value) in row.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (row.BackendSets.Length > 0)
            request.Headers.TryAddWithoutValidation("X-Echo-Set-Header", string.Join(",", row.BackendSets.Select(h => $"{h.Name}:{h.Value}")));
        using var response = await _client.SendAsync(request);
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

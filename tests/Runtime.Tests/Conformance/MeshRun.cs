using System.Net;
using Meshc.Compiler;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// One upstream Mesh (GAMMA) conformance test end to end: the suite's mesh manifests and the test's, compiled through
/// <see cref="Compilation"/>, served as <c>meshc run</c> serves them by default — each Service a route claims listens
/// on its clusterIP (127.0.200.x) at the claimed ports plus an offset — with a demo echo backend for every Service
/// port. A request names the host the mesh client asks for ("echo", "echo-v1:8080",
/// "echo-v1.gateway-conformance-mesh"); it goes to that Service's address and port, as the client's connection would.
/// A Service port no route claims is not redirected to the proxy: in a cluster Cilium's L4 load balancer takes it
/// straight to a backend, which <c>meshc run</c> does not emulate, so such a request is sent to the backend itself
/// and the test knows the proxy was not involved (<see cref="Observed"/> of such a row comes from the backend alone).
/// </summary>
internal sealed class MeshRun : IAsyncDisposable
{
    public const string Ns = "gateway-conformance-mesh";

    private readonly HttpClient _client = RuntimeHarness.Client();

    private MeshRun(EmitResult compiled, DemoBackends backends, ProxyHost proxy)
    {
        Compiled = compiled;
        Backends = backends;
        Proxy = proxy;
    }

    public EmitResult Compiled { get; }
    public StatusReport Status => Compiled.Status;
    public DemoBackends Backends { get; }
    public ProxyHost Proxy { get; }

    /// <summary>mesh/manifests.yaml and tests/mesh/&lt;test&gt;.yaml (none for MeshBasic), compiled, loaded and served.</summary>
    public static async Task<MeshRun> StartAsync(string? test, Func<string, string>? edit = null)
    {
        var (compiled, snapshot) = ConformanceRun.Compile(Load(test, edit));
        var ports = compiled.Model.Services.SelectMany(s => s.Ports.Select(p => $"{s.Meta.Namespace}/{s.Meta.Name}:{p.Port}"));
        var backends = await DemoBackends.StartAsync(ports.Concat(snapshot.Clusters.Values.Select(c => c.ServiceName ?? c.Name)));
        try
        {
            var proxy = await AddressedProxy.StartAsync(backends.Redirect(snapshot));
            return new MeshRun(compiled, backends, proxy);
        }
        catch
        {
            await backends.DisposeAsync();
            throw;
        }
    }

    /// <summary>The manifests, the test's file edited first when <paramref name="edit"/> is given.</summary>
    public static IReadOnlyList<SourceText> Load(string? test, Func<string, string>? edit = null)
    {
        var files = new List<string> { Path.Combine(ConformanceManifests.Root, "mesh", "manifests.yaml") };
        if (test is not null) files.Add(Path.Combine(ConformanceManifests.Root, "tests", "mesh", test + ".yaml"));
        foreach (var file in files)
            if (!File.Exists(file)) throw new FileNotFoundException($"conformance manifest {file} is missing (shared/upstream beside the repository)", file);
        return files.Select((f, i) => new SourceText(Path.GetRelativePath(ConformanceManifests.Root, f).Replace('\\', '/'),
            i == 1 && edit is not null ? edit(File.ReadAllText(f)) : File.ReadAllText(f))).ToList();
    }

    /// <summary>
    /// Where a connection to <paramref name="host"/> lands: the proxy socket bound for that Service port, or (null,
    /// backend port) when no route claims the port.
    /// </summary>
    public (IPEndPoint? Proxy, int Backend) Resolve(string host)
    {
        var (name, ns, port) = Parse(host);
        var socket = Proxy.Sockets.Where(s => s.Binding is { Kind: "service" } b && b.Namespace == ns && b.Name == name)
            .FirstOrDefault(s => s.EndPoint.Port - Offset(s) == port);
        var backend = Backends.Ports.TryGetValue($"{ns}/{name}:{port}", out var p) ? p : 0;
        return (socket?.EndPoint, backend);
    }

    /// <summary>True when a route claims the Service port a client of <paramref name="host"/> connects to.</summary>
    public bool Claimed(string host) => Resolve(host).Proxy is not null;

    /// <summary>
    /// Sends one row: to the address a mesh client of <paramref name="connectTo"/> (the row's Host unless given)
    /// reaches, with the row's Host header ("echo" when the row has none, as the suite's mesh client sends).
    /// </summary>
    public Task<Observed> SendAsync(Row row, string? connectTo = null)
    {
        var host = row.Host ?? "echo";
        var (proxy, backend) = Resolve(connectTo ?? host);
        Assert.True(proxy is not null || backend != 0, $"nothing serves {connectTo ?? host}");
        return SendToAsync(row, proxy is not null ? $"http://{proxy.Address}:{proxy.Port}" : $"http://127.0.0.1:{backend}", host);
    }

    /// <summary>Sends one row straight to the pod behind <paramref name="servicePort"/> ("echo-v2:8080"), as a client that knows the pod's address.</summary>
    public Task<Observed> SendToPodAsync(Row row, string servicePort)
    {
        var (name, ns, port) = Parse(servicePort);
        var backend = Backends.Ports[$"{ns}/{name}:{port}"];
        return SendToAsync(row, $"http://127.0.0.1:{backend}", row.Host ?? $"127.0.0.1:{backend}");
    }

    private Task<Observed> SendToAsync(Row row, string target, string host) => ConformanceRun.SendAsync(_client, row, new Uri(target), host);

    /// <summary>Sends every row and fails once, listing every row whose answer differs from its expectation.</summary>
    public async Task ExpectAllAsync(IEnumerable<Row> rows, string? connectTo = null)
    {
        var failures = new List<string>();
        foreach (var row in rows)
        {
            var problems = RowCheck.Differences(row, await SendAsync(row, connectTo));
            if (problems.Count > 0) failures.Add($"{row.Method} {row.Host ?? "echo"}{row.Path}: {string.Join("; ", problems)}");
        }
        Assert.True(failures.Count == 0, "rows that differ from the conformance expectation:\n" + string.Join("\n", failures));
    }

    /// <summary>Which backend answered each of <paramref name="count"/> identical requests, counted by service name.</summary>
    public async Task<Dictionary<string, int>> CountAsync(Row row, int count)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var observed = await SendAsync(row);
            Assert.Equal(200, observed.Status);
            var service = observed.Echo!.Value.GetProperty("service").GetString()!;
            counts[service] = counts.GetValueOrDefault(service) + 1;
        }
        return counts;
    }

    // "echo-v1.gateway-conformance-mesh:8080" → (echo-v1, gateway-conformance-mesh, 8080); the port defaults to 80.
    private static (string Name, string Namespace, int Port) Parse(string host)
    {
        var colon = host.LastIndexOf(':');
        var port = colon > 0 ? int.Parse(host[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture) : 80;
        var labels = (colon > 0 ? host[..colon] : host).Split('.');
        return (labels[0], labels.Length > 1 ? labels[1] : Ns, port);
    }

    // The port offset of a bound socket: its port minus the lowest port of its binding (sockets are bound per port).
    private int Offset(ListenerSocket socket) =>
        Proxy.Sockets.Where(s => s.Binding == socket.Binding).Min(s => s.EndPoint.Port) - socket.Binding!.Ports.Min();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Proxy.DisposeAsync();
        await Backends.DisposeAsync();
    }
}

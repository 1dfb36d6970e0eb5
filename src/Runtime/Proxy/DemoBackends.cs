using System.Net;
using System.Text.Json;
using Meshc.Runtime.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Local echo backends for <c>--demo-backends</c>: one loopback server per Service the clusters name, each answering
/// JSON with its service and pod name and the request it saw. <see cref="Redirect"/> points the clusters at them.
/// </summary>
public sealed class DemoBackends : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, ListenOptions> _sockets = new(StringComparer.Ordinal);

    private DemoBackends(IEnumerable<string> services)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            // The backends speak h2c too, for clusters that forward HTTP/2 (explicitly or as the downstream did).
            var h2c = new PriorKnowledgeH2c();
            h2c.ListenInternal(k);
            foreach (var service in services)
                k.Listen(IPAddress.Loopback, 0, lo =>
                {
                    h2c.Serve(lo);
                    _sockets[service] = lo;
                });
        });
        _app = builder.Build();
        _app.Run(Echo);
    }

    /// <summary>The bound endpoint of each service's backend, keyed like a cluster's EDS service name ("ns/name:port").</summary>
    public IReadOnlyDictionary<string, int> Ports => _sockets.ToDictionary(kv => kv.Key, kv => kv.Value.IPEndPoint!.Port, StringComparer.Ordinal);

    public static async Task<DemoBackends> StartAsync(RuntimeSnapshot snapshot)
    {
        var services = snapshot.Clusters.Values.Select(ServiceKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var backends = new DemoBackends(services);
        await backends._app.StartAsync();
        return backends;
    }

    /// <summary>The snapshot with every cluster's endpoints replaced by its service's demo backend (a service that appeared later keeps its own).</summary>
    public RuntimeSnapshot Redirect(RuntimeSnapshot snapshot)
    {
        var ports = Ports;
        var clusters = snapshot.Clusters.ToDictionary(kv => kv.Key,
            kv => ports.TryGetValue(ServiceKey(kv.Value), out var port) ? kv.Value with { Endpoints = [new EndpointModel("127.0.0.1", port)] } : kv.Value,
            StringComparer.Ordinal);
        return snapshot with { Clusters = clusters };
    }

    private static string ServiceKey(ClusterModel cluster) => cluster.ServiceName ?? cluster.Name;

    /// <summary>"default/echo-1:8080" → "echo-1"; a cluster name without that shape is used as it is.</summary>
    internal static string ServiceName(string key)
    {
        var slash = key.LastIndexOf('/');
        var name = slash >= 0 ? key[(slash + 1)..] : key;
        var colon = name.LastIndexOf(':');
        return colon > 0 ? name[..colon] : name;
    }

    private Task Echo(HttpContext ctx)
    {
        var key = _sockets.First(kv => kv.Value.IPEndPoint!.Port == ctx.Connection.LocalPort).Key;
        var service = ServiceName(key);
        var raw = ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? ctx.Request.Path.Value;
        var body = new
        {
            service,
            pod = service + "-demo-0",
            method = ctx.Request.Method,
            path = raw,
            headers = ctx.Request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
        };
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

using System.Globalization;
using System.Net;
using System.Net.WebSockets;
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
/// JSON with its service, namespace and pod name and the request it saw (method, path, protocol, host, headers), as the
/// Gateway API conformance echo server does. <see cref="Redirect"/> points the clusters at them. A WebSocket handshake
/// is accepted and every message echoed back until the client closes, as the echo server's <c>/ws</c> does.
/// Knobs, as in the conformance echo server: a <c>delay</c> query parameter (<c>500ms</c>, <c>1s</c>, at most
/// <see cref="MaxDelay"/>) holds the answer back; an <c>X-Echo-Set-Header</c> request header
/// (<c>Name:value,Other:value</c>) adds those headers to the response.
/// </summary>
public sealed class DemoBackends : IAsyncDisposable
{
    /// <summary>The longest <c>delay</c> honoured, so a typo cannot park a backend.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    // Most uuids the retry simulation remembers; past this it starts again, so a long-running demo cannot grow unbounded.
    private const int MaxRetrySimulations = 10_000;

    private readonly Dictionary<string, ListenOptions> _sockets = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _retrySimulations = new(StringComparer.Ordinal);

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
        _app.UseWebSockets();
        _app.Run(Echo);
    }

    /// <summary>Raised for every request a backend receives, before it answers (mirrored requests included).</summary>
    public event Action<EchoedRequest>? Received;

    /// <summary>The bound endpoint of each service's backend, keyed like a cluster's EDS service name ("ns/name:port").</summary>
    public IReadOnlyDictionary<string, int> Ports => _sockets.ToDictionary(kv => kv.Key, kv => kv.Value.IPEndPoint!.Port, StringComparer.Ordinal);

    public static Task<DemoBackends> StartAsync(RuntimeSnapshot snapshot) =>
        StartAsync(snapshot.Clusters.Values.Select(ServiceKey));

    /// <summary>One backend per service key (<c>ns/name:port</c>), whether or not a cluster names it.</summary>
    public static async Task<DemoBackends> StartAsync(IEnumerable<string> serviceKeys)
    {
        var services = serviceKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
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

    /// <summary>"default/echo-1:8080" → "default"; a key without a namespace gives "".</summary>
    internal static string NamespaceOf(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash > 0 ? key[..slash] : "";
    }

    private async Task Echo(HttpContext ctx)
    {
        var key = _sockets.First(kv => kv.Value.IPEndPoint!.Port == ctx.Connection.LocalPort).Key;
        var service = ServiceName(key);
        var raw = ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? ctx.Request.Path.Value ?? "/";
        var headers = ctx.Request.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var seen = new EchoedRequest(key, service, NamespaceOf(key), service + "-demo-0", ctx.Request.Method, raw, ctx.Request.Host.Value ?? "", headers);
        Received?.Invoke(seen);
        if (ctx.WebSockets.IsWebSocketRequest)
        {
            await EchoWebSocket(ctx);
            return;
        }

        if (ParseDelay(ctx.Request.Query["delay"].ToString()) is { } delay)
        {
            // The client (or the proxy's timeout) going away ends the wait, as a dropped connection would.
            try { await Task.Delay(delay, ctx.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        if (SimulatedFailure(key, ctx.Request.Query) is { } failure)
        {
            ctx.Response.StatusCode = failure;
            return;
        }
        foreach (var (name, value) in EchoSetHeaders(ctx.Request.Headers["X-Echo-Set-Header"].ToString()))
            ctx.Response.Headers.Append(name, value);
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            service,
            @namespace = seen.Namespace,
            pod = seen.Pod,
            method = seen.Method,
            path = seen.Path,
            proto = Proto(ctx.Request.Protocol),
            host = seen.Host,
            headers,
        }));
    }

    /// <summary>The protocol as the echo server (Go) names it: "HTTP/1.1", "HTTP/2.0".</summary>
    internal static string Proto(string protocol) => protocol == "HTTP/2" ? "HTTP/2.0" : protocol;

    /// <summary>Sends every message back as it came (text or binary) until the client closes.</summary>
    private static async Task EchoWebSocket(HttpContext ctx)
    {
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), ctx.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ctx.RequestAborted);
                    return;
                }
                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, ctx.RequestAborted);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client or the proxy went away without a close handshake: nothing left to echo to.
        }
    }

    /// <summary>The status to fail with while this request's uuid has been seen at most <c>succeedAfter</c> times; null to answer normally.</summary>
    private int? SimulatedFailure(string key, IQueryCollection query)
    {
        if (!int.TryParse(query["responseCode"], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 599 ||
            !int.TryParse(query["succeedAfter"], NumberStyles.None, CultureInfo.InvariantCulture, out var failures) ||
            query["uuid"].ToString() is not { Length: > 0 } uuid)
            return null;
        if (_retrySimulations.Count >= MaxRetrySimulations) _retrySimulations.Clear();
        var seen = _retrySimulations.AddOrUpdate(key + " " + uuid, 1, (_, n) => n + 1);
        return seen <= failures ? code : null;
    }

    /// <summary>"500ms", "1s", "2m" → that span (capped at <see cref="MaxDelay"/>); anything else → null.</summary>
    internal static TimeSpan? ParseDelay(string text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var (digits, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : text.EndsWith('m') ? (text[..^1], 60_000.0)
            : (text, -1.0);
        if (unit < 0 || !double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0) return null;
        var span = TimeSpan.FromMilliseconds(value * unit);
        return span > MaxDelay ? MaxDelay : span;
    }

    /// <summary>"A:1,B: 2" → (A, 1), (B, 2); entries without a colon are skipped.</summary>
    internal static IEnumerable<(string Name, string Value)> EchoSetHeaders(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => entry.Split(':', 2, StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2 && parts[0].Length > 0)
            .Select(parts => (parts[0], parts[1]));

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

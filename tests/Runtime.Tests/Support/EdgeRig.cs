using System.Collections.Concurrent;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Meshc.Runtime.Tests.Support;

/// <summary>
/// A proxy with one listener whose routes send <c>/echo…</c> to cluster "echo" and everything else to cluster
/// "other"; each backend records the request target, Host and body it received and answers 200 with its name.
/// </summary>
internal sealed class EdgeRig : IAsyncDisposable
{
    private const string Hosts = """
        [{"name":"vh","domains":["*"],"routes":[
          {"match":{"prefix":"/echo"},"route":{"cluster":"echo"}},
          {"match":{"prefix":"/"},"route":{"cluster":"other"}}]}]
        """;

    private EdgeRig(TestBackend echo, TestBackend other, ProxyHost proxy, ConcurrentQueue<Arrival> received)
    {
        Echo = echo;
        Other = other;
        Proxy = proxy;
        Received = received;
    }

    /// <summary>What a backend got: which backend, the raw target, the Host header, the body and whether X-Content-Length came along.</summary>
    public sealed record Arrival(string Backend, string Target, string Host, string Body, bool XContentLength);

    public TestBackend Echo { get; }
    public TestBackend Other { get; }
    public ProxyHost Proxy { get; }
    public ConcurrentQueue<Arrival> Received { get; }
    public int Port => Proxy.ListenerPorts[HandBuilt.Listener];

    /// <summary>Starts the rig; <paramref name="hcm"/> edits the listener's connection manager settings, <paramref name="outlier"/> the clusters'; <paramref name="client"/> picks the upstream client.</summary>
    public static async Task<EdgeRig> StartAsync(Func<HcmSettings, HcmSettings>? hcm = null, OutlierSettings? outlier = null, UpstreamClient? client = null)
    {
        var received = new ConcurrentQueue<Arrival>();
        var echo = await TestBackend.StartAsync(ctx => Record(ctx, "echo", received));
        var other = await TestBackend.StartAsync(ctx => Record(ctx, "other", received));
        var snapshot = HandBuilt.Snapshot(Hosts, ("echo", echo.Port, UpstreamProtocol.Http1), ("other", other.Port, UpstreamProtocol.Http1));
        var listener = snapshot.Listeners[0];
        snapshot = snapshot with
        {
            Listeners = [listener with { Hcm = (hcm ?? (h => h))(listener.Hcm) }],
            Clusters = snapshot.Clusters.ToDictionary(c => c.Key, c => c.Value with { Outlier = outlier }, StringComparer.Ordinal),
        };
        return new EdgeRig(echo, other, await RuntimeHarness.Start(snapshot, client), received);
    }

    private static async Task Record(HttpContext ctx, string backend, ConcurrentQueue<Arrival> into)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var body = await reader.ReadToEndAsync();
        var target = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
        into.Enqueue(new Arrival(backend, target, ctx.Request.Headers.Host.ToString(), body, ctx.Request.Headers.ContainsKey("x-content-length")));
        await ctx.Response.WriteAsync(backend);
    }

    public long Stat(string name) => Proxy.Stats.Get(name);

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Echo.DisposeAsync();
        await Other.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Net;
using Meshc.Runtime.Model;
using Meshc.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>request_mirror_policies (fire and forget, -shadow host, body copied) and x-envoy-attempt-count, over loopback.</summary>
public sealed class MirrorAndAttemptCountTests
{
    private sealed record Seen(string Method, string Path, string Host, string Body, string? Marker);

    private static async Task<Seen> Record(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        return new Seen(ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString, ctx.Request.Headers.Host.ToString(),
            await reader.ReadToEndAsync(), ctx.Request.Headers["x-marker"].FirstOrDefault());
    }

    private static string Mirrored(string mirrorsJson, string extraRoute = "") => $$$"""
        [{"name":"vh","domains":["*"],"routes":[{{{extraRoute}}}
          {"match":{"prefix":"/"},"route":{"cluster":"main","requestMirrorPolicies":{{{mirrorsJson}}}},
           "requestHeadersToAdd":[{"header":{"key":"x-marker","value":"edited"}}]}]}]
        """;

    [Fact]
    public async Task Mirror_FullFraction_ShadowSeesTheBodyAndTheShadowHostWhileTheMainRequestNeverWaits()
    {
        var shadowSeen = new TaskCompletionSource<Seen>(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseShadow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var main = await TestBackend.StartAsync(async ctx => await ctx.Response.WriteAsync("main:" + (await Record(ctx)).Body));
        await using var shadow = await TestBackend.StartAsync(async ctx =>
        {
            shadowSeen.TrySetResult(await Record(ctx));
            // The shadow answers only after the test has seen the main response: the main request must not wait for it.
            await releaseShadow.Task.WaitAsync(TimeSpan.FromSeconds(5));
            ctx.Response.StatusCode = 500;
        });
        var snapshot = HandBuilt.Snapshot(Mirrored("""[{"cluster":"shadow"}]"""),
            ("main", main.Port, UpstreamProtocol.Http1), ("shadow", shadow.Port, UpstreamProtocol.Http1));
        await using var proxy = await RuntimeHarness.Start(snapshot);
        using var client = RuntimeHarness.Client();
        var port = proxy.ListenerPorts[HandBuilt.Listener];

        using var response = await client.PostAsync($"http://127.0.0.1:{port}/orders?id=7", new StringContent("the body"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("main:the body", await response.Content.ReadAsStringAsync());
        var seen = await shadowSeen.Task.WaitAsync(TimeSpan.FromSeconds(5));
        releaseShadow.SetResult();
        Assert.Equal(new Seen("POST", "/orders?id=7", $"127.0.0.1-shadow:{port}", "the body", "edited"), seen);
        Assert.Equal(1, proxy.Stats.Get("cluster.shadow.upstream_rq_total"));
    }

    [Fact]
    public async Task Mirror_GetsThePathTheRouteMatched_Verbatim()
    {
        var shadowTarget = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var main = await TestBackend.StartAsync(_ => Task.CompletedTask);
        await using var shadow = await TestBackend.StartAsync(ctx =>
        {
            shadowTarget.TrySetResult(ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget);
            return Task.CompletedTask;
        });
        var snapshot = HandBuilt.Snapshot(Mirrored("""[{"cluster":"shadow"}]"""),
            ("main", main.Port, UpstreamProtocol.Http1), ("shadow", shadow.Port, UpstreamProtocol.Http1));
        await using var proxy = await RuntimeHarness.Start(snapshot);
        var response = await RawHttp.Send(proxy.ListenerPorts[HandBuilt.Listener], "GET /a/%2e%2e/b/../c HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        Assert.Equal(200, response.Status);
        Assert.Equal("/a/%2e%2e/b/../c", await shadowTarget.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Mirror_DeadShadowOrZeroFraction_NeverFailsTheMainRequest()
    {
        var shadowPaths = new ConcurrentQueue<string>();
        var shadowSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var main = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("main"));
        await using var shadow = await TestBackend.StartAsync(ctx =>
        {
            shadowPaths.Enqueue(ctx.Request.Path.Value!);
            if (ctx.Request.Path == "/last") shadowSeen.TrySetResult();
            return Task.CompletedTask;
        });
        int deadPort; // a port nobody listens on any more
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            deadPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var zeroRoute = """{"match":{"prefix":"/zero"},"route":{"cluster":"main","requestMirrorPolicies":[{"cluster":"shadow","runtimeFraction":{"defaultValue":{"numerator":0}}}]}},""";
        var deadRoute = """{"match":{"prefix":"/dead"},"route":{"cluster":"main","requestMirrorPolicies":[{"cluster":"dead"},{"cluster":"no-such-cluster"}]}},""";
        var snapshot = HandBuilt.Snapshot(Mirrored("""[{"cluster":"shadow","runtimeFraction":{"defaultValue":{"numerator":100}}}]""", zeroRoute + deadRoute),
            ("main", main.Port, UpstreamProtocol.Http1), ("shadow", shadow.Port, UpstreamProtocol.Http1), ("dead", deadPort, UpstreamProtocol.Http1));
        await using var proxy = await RuntimeHarness.Start(snapshot);
        using var client = RuntimeHarness.Client();
        var url = $"http://127.0.0.1:{proxy.ListenerPorts[HandBuilt.Listener]}";

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("main", await client.GetStringAsync(url + "/zero"));
            Assert.Equal("main", await client.GetStringAsync(url + "/dead"));
        }
        Assert.Equal("main", await client.GetStringAsync(url + "/last"));
        await shadowSeen.Task.WaitAsync(TimeSpan.FromSeconds(5));
        // Shadows go out before the main request, so any /zero shadow would have been queued before /last arrived.
        Assert.Equal(["/last"], shadowPaths.ToArray());
        Assert.Equal(41, proxy.Stats.Get("http.test.downstream_rq_2xx"));
    }

    [Fact]
    public async Task Mirror_HalfFraction_MirrorsWithinTheBinomialBound()
    {
        await using var main = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("main"));
        await using var shadow = await TestBackend.StartAsync(_ => Task.CompletedTask);
        var snapshot = HandBuilt.Snapshot(Mirrored("""[{"cluster":"shadow","runtimeFraction":{"defaultValue":{"numerator":5000,"denominator":"TEN_THOUSAND"}}}]"""),
            ("main", main.Port, UpstreamProtocol.Http1), ("shadow", shadow.Port, UpstreamProtocol.Http1));
        await using var proxy = await RuntimeHarness.Start(snapshot);
        using var client = RuntimeHarness.Client();
        var url = $"http://127.0.0.1:{proxy.ListenerPorts[HandBuilt.Listener]}/";
        const int n = 400;
        for (var i = 0; i < n; i++) Assert.Equal("main", await client.GetStringAsync(url));
        // The shadow's upstream_rq_total is counted when the copy is sent, before the main request goes on.
        // p = 0.5, n = 400: sd = 10; 99.9% two-sided is ±3.29 sd ≈ ±33.
        Assert.InRange(proxy.Stats.Get("cluster.shadow.upstream_rq_total"), 167, 233);
        Assert.Equal(n, proxy.Stats.Get("cluster.main.upstream_rq_total"));
    }

    [Theory]
    [InlineData(0u, 100u, 0UL, false)]
    [InlineData(25u, 100u, 24UL, true)]
    [InlineData(25u, 100u, 25UL, false)]
    [InlineData(25u, 100u, 124UL, true)]
    [InlineData(100u, 100u, 99UL, true)]
    [InlineData(1u, 10_000u, 10_000UL, true)]
    [InlineData(1u, 10_000u, 10_001UL, false)]
    public void Mirror_Fraction_IsRandomModuloDenominatorBelowNumerator(uint numerator, uint denominator, ulong random, bool fires) =>
        Assert.Equal(fires, new Meshc.Runtime.Routing.MirrorSpec("c", "", numerator, denominator, false).Fires(random));

    [Theory]
    [InlineData("example.com", false, "example.com-shadow")]
    [InlineData("example.com:8080", false, "example.com-shadow:8080")]
    [InlineData("[::1]:8080", false, "[::1]-shadow:8080")]
    [InlineData("example.com", true, "example.com")]
    public void Mirror_ShadowHost_AppendsBeforeThePort(string host, bool keep, string expected) =>
        Assert.Equal(expected, new Meshc.Runtime.Routing.MirrorSpec("c", "", 100, 100, keep).ShadowHost(host));

    [Fact]
    public async Task AttemptCount_WhenTheVirtualHostAsks_CountsFromOneAcrossRetriesUpstreamAndInTheResponse()
    {
        var counts = new ConcurrentQueue<string>();
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            counts.Enqueue(ctx.Request.Headers["x-envoy-attempt-count"].ToString());
            ctx.Response.StatusCode = counts.Count < 3 ? 503 : 200;
            return Task.CompletedTask;
        });
        const string hosts = """
            [{"name":"vh","domains":["*"],"includeRequestAttemptCount":true,"includeAttemptCountInResponse":true,
              "retryPolicy":{"retryOn":"5xx","numRetries":2,"retryBackOff":{"baseInterval":"0.001s"}},
              "routes":[{"match":{"prefix":"/"},"route":{"cluster":"up"}}]}]
            """;
        await using var proxy = await RuntimeHarness.Start(HandBuilt.Snapshot(hosts, ("up", backend.Port, UpstreamProtocol.Http1)));
        using var client = RuntimeHarness.Client();
        var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{proxy.ListenerPorts[HandBuilt.Listener]}/");
        request.Headers.Add("x-envoy-attempt-count", "41");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["1", "2", "3"], counts.ToArray());
        Assert.Equal("3", response.Headers.GetValues("x-envoy-attempt-count").Single());
    }

    [Fact]
    public async Task AttemptCount_NotAsked_IsNeitherAddedNorAnswered()
    {
        var counts = new ConcurrentQueue<string>();
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            counts.Enqueue(ctx.Request.Headers["x-envoy-attempt-count"].ToString());
            return Task.CompletedTask;
        });
        await using var proxy = await RuntimeHarness.Start(HandBuilt.Snapshot(
            """[{"name":"vh","domains":["*"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"up"}}]}]""", ("up", backend.Port, UpstreamProtocol.Http1)));
        using var client = RuntimeHarness.Client();
        using var response = await client.GetAsync($"http://127.0.0.1:{proxy.ListenerPorts[HandBuilt.Listener]}/");
        Assert.Equal([""], counts.ToArray());
        Assert.False(response.Headers.Contains("x-envoy-attempt-count"));
    }
}

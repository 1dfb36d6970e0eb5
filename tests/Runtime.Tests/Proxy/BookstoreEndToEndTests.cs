using System.Net;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// The bookstore canary — as the hand-written CiliumEnvoyConfig, as a GAMMA HTTPRoute in YAML, and as the DSL service
/// route — served the same way: the 90/10 split, the retry policy (5xx retried twice, 1 s per try) and the outlier
/// detection (ejected after 2 local-origin failures). Each test runs on all three.
/// </summary>
public sealed class BookstoreEndToEndTests
{
    /// <summary>One way of writing the canary: its input, its listener, and its clusters for v1 and v2.</summary>
    public sealed record Variant(string Example, string Listener, string V1, string V2)
    {
        public override string ToString() => Example;
    }

    public static TheoryData<Variant> Variants() =>
    [
        new Variant("bookstore-canary", "default/bookstore-canary/bookstore-listener", "default/bookstore-v1", "default/bookstore-v2"),
        new Variant("bookstore-canary-gamma", "default/bookstore/listener",
            "default/bookstore/default:bookstore-v1:8080", "default/bookstore/default:bookstore-v2:8080"),
        new Variant("bookstore-canary.dsl", "default/bookstore/listener",
            "default/bookstore/default:bookstore-v1:8080", "default/bookstore/default:bookstore-v2:8080"),
    ];

    private static RuntimeSnapshot PointAt(Variant variant, RuntimeSnapshot snapshot, int v1Port, int v2Port) => snapshot with
    {
        Clusters = snapshot.Clusters.ToDictionary(kv => kv.Key, kv => kv.Value with
        {
            Endpoints = [new EndpointModel("127.0.0.1", kv.Key == variant.V2 ? v2Port : v1Port)],
        }),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Run_Bookstore_Splits90To10WithinTheBinomialBound(Variant variant)
    {
        var snapshot = RuntimeHarness.Compile(variant.Example);
        await using var backends = await DemoBackends.StartAsync(snapshot);
        await using var proxy = await RuntimeHarness.Start(backends.Redirect(snapshot));
        using var client = RuntimeHarness.Client();
        var url = $"http://127.0.0.1:{proxy.ListenerPorts[variant.Listener]}/books";
        var v1 = 0;
        for (var i = 0; i < 2000; i++)
        {
            var body = await client.GetStringAsync(url);
            if (body.Contains("\"service\":\"bookstore-v1\"")) v1++;
            else Assert.Contains("\"service\":\"bookstore-v2\"", body);
        }
        Assert.InRange(v1, 1756, 1844);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Run_FlakyV2_RetriesTurnEveryFailureIntoASuccess(Variant variant)
    {
        var v2Calls = 0;
        await using var v1 = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("v1"));
        await using var v2 = await TestBackend.StartAsync(ctx =>
        {
            // Every other request fails with 503, the first one included.
            if (Interlocked.Increment(ref v2Calls) % 2 == 1) { ctx.Response.StatusCode = 503; return ctx.Response.WriteAsync("flaky"); }
            return ctx.Response.WriteAsync("v2");
        });
        await using var proxy = await RuntimeHarness.Start(PointAt(variant, RuntimeHarness.Compile(variant.Example), v1.Port, v2.Port));
        using var client = RuntimeHarness.Client();
        var url = $"http://127.0.0.1:{proxy.ListenerPorts[variant.Listener]}/";
        var v2Answers = 0;
        for (var i = 0; i < 300; i++)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (await response.Content.ReadAsStringAsync() == "v2") v2Answers++;
        }
        Assert.True(v2Answers > 0, "the 10% share should reach v2 at least once in 300 requests");
        Assert.Equal(v2Answers, proxy.Stats.Get($"cluster.{variant.V2}.upstream_rq_retry"));
        Assert.Equal(0, proxy.Stats.Get($"cluster.{variant.V1}.upstream_rq_retry"));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Run_AlwaysFailingV2_Answers503AfterTheRetriesAreSpent(Variant variant)
    {
        var v2Calls = 0;
        await using var v1 = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("v1"));
        await using var v2 = await TestBackend.StartAsync(ctx =>
        {
            Interlocked.Increment(ref v2Calls);
            ctx.Response.StatusCode = 503;
            return ctx.Response.WriteAsync("down");
        });
        await using var proxy = await RuntimeHarness.Start(PointAt(variant, RuntimeHarness.Compile(variant.Example), v1.Port, v2.Port));
        using var client = RuntimeHarness.Client();
        var url = $"http://127.0.0.1:{proxy.ListenerPorts[variant.Listener]}/";
        var failures = 0;
        for (var i = 0; i < 200; i++)
        {
            using var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                failures++;
                Assert.Equal("down", await response.Content.ReadAsStringAsync()); // the last attempt's answer is passed on
            }
        }
        Assert.True(failures > 0);
        Assert.Equal(3 * failures, v2Calls); // one try and num_retries = 2
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Run_DeadEndpoint_IsAConnectFailure503(Variant variant)
    {
        var snapshot = RuntimeHarness.Compile(variant.Example);
        int deadPort;
        await using (var dead = await TestBackend.StartAsync(ctx => Task.CompletedTask)) deadPort = dead.Port;
        await using var proxy = await RuntimeHarness.Start(PointAt(variant, snapshot, deadPort, deadPort));
        using var client = RuntimeHarness.Client();
        using var response = await client.GetAsync($"http://127.0.0.1:{proxy.ListenerPorts[variant.Listener]}/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("upstream connect error", await response.Content.ReadAsStringAsync());
        Assert.Equal(3, proxy.Stats.Get($"cluster.{variant.V1}.upstream_rq_total") + proxy.Stats.Get($"cluster.{variant.V2}.upstream_rq_total"));
    }

    private static RuntimeSnapshot DeadAndLive(RuntimeSnapshot snapshot, int deadPort, int livePort, uint maxEjectionPercent) => snapshot with
    {
        Clusters = snapshot.Clusters.ToDictionary(kv => kv.Key, kv => kv.Value with
        {
            Endpoints = [new EndpointModel("127.0.0.1", deadPort), new EndpointModel("127.0.0.1", livePort)],
            Outlier = kv.Value.Outlier! with { MaxEjectionPercent = maxEjectionPercent },
        }),
    };

    public static TheoryData<Variant, uint, bool> EjectionCases()
    {
        var data = new TheoryData<Variant, uint, bool>();
        foreach (var row in (IEnumerable<object[]>)Variants())
        {
            data.Add((Variant)row[0], 50u, true);
            data.Add((Variant)row[0], 10u, false); // Envoy's default: with two hosts, 100 * 1 / 2 > 10, so nothing is ever ejected
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EjectionCases))]
    public async Task Run_DeadEndpoint_IsEjectedAfterTwoLocalOriginFailuresWhenTheEjectionPercentAllows(Variant variant, uint maxEjectionPercent, bool ejected)
    {
        int deadPort;
        await using (var dead = await TestBackend.StartAsync(ctx => Task.CompletedTask)) deadPort = dead.Port;
        await using var live = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync("live"));
        var snapshot = DeadAndLive(RuntimeHarness.Compile(variant.Example), deadPort, live.Port, maxEjectionPercent);
        await using var proxy = await RuntimeHarness.Start(snapshot);
        using var client = RuntimeHarness.Client();
        var url = $"http://127.0.0.1:{proxy.ListenerPorts[variant.Listener]}/";
        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode); // retries cover the dead host either way
        }
        var retries = proxy.Stats.Get($"cluster.{variant.V1}.upstream_rq_retry");
        if (ejected)
        {
            Assert.Equal(2, retries); // the two failures that ejected the host, then traffic moves on
            Assert.Equal(1, proxy.Stats.Get($"cluster.{variant.V1}.outlier_detection.ejections_active"));
            var clusters = await client.GetStringAsync($"http://127.0.0.1:{proxy.AdminPort}/clusters");
            Assert.Contains($"{variant.V1}::127.0.0.1:{deadPort}::health_flags::/failed_outlier_check", clusters);
        }
        else
        {
            Assert.True(retries > 2, $"{retries} retries");
            Assert.True(proxy.Stats.Get($"cluster.{variant.V1}.outlier_detection.ejections_overflow") >= 1);
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Run_SlowUpstream_PerTryTimeoutsAreRetriedThen504(Variant variant)
    {
        var calls = 0;
        await using var slow = await TestBackend.StartAsync(async ctx =>
        {
            Interlocked.Increment(ref calls);
            try { await Task.Delay(TimeSpan.FromSeconds(5), ctx.RequestAborted); } catch (OperationCanceledException) { }
        });
        await using var proxy = await RuntimeHarness.Start(PointAt(variant, RuntimeHarness.Compile(variant.Example), slow.Port, slow.Port));
        using var client = RuntimeHarness.Client();
        var started = DateTime.UtcNow;
        using var response = await client.GetAsync($"http://127.0.0.1:{proxy.ListenerPorts[variant.Listener]}/");
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("upstream request timeout", await response.Content.ReadAsStringAsync());
        Assert.Equal(3, calls); // per_try_timeout 1s, retry_on 5xx retries it, num_retries 2
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(8));
    }
}

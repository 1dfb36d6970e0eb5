using Meshc.Runtime.Proxy;
using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream HTTPRouteRequestMirror, HTTPRouteRequestMultipleMirrors and HTTPRouteRequestPercentageMirror: the client's
/// answer comes from infra-backend-v1 as usual, and the mirror backends (infra-backend-v2, and v3) receive a copy of
/// the request, every time or for the configured fraction. Upstream reads the mirror pods' logs; here the demo
/// backends announce what they receive.
/// </summary>
public sealed class MirrorConformanceTests
{
    private static readonly TimeSpan MirrorWait = TimeSpan.FromSeconds(5);

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteRequestMirror()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-request-mirror");
        var rows = new[]
        {
            Row.To("/mirror", V1),
            Row.To("/mirror-and-modify-headers", V1) with
            {
                Headers = [("X-Header-Remove", "remove-val"), ("X-Header-Add-Append", "append-val-1")],
                SeenHeaders = [("X-Header-Add", "header-val-1"), ("X-Header-Add-Append", "append-val-1,header-val-2"), ("X-Header-Set", "set-overwrites-values")],
                SeenAbsent = ["X-Header-Remove"],
            },
        };
        foreach (var row in rows)
        {
            var mirrored = MirroredTo(run.Backends, $"{Infra}/{V2}:8080", row.Path);
            await run.ExpectAllAsync([row]);
            var arrived = await Task.WhenAny(mirrored, Task.Delay(MirrorWait));
            Assert.True(arrived == mirrored, $"{row.Path} was not mirrored to {V2} within {MirrorWait.TotalSeconds} s");
        }
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteRequestMultipleMirrors()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-request-multiple-mirrors");
        var rows = new[]
        {
            Row.To("/multi-mirror", V1),
            Row.To("/multi-mirror-and-modify-request-headers", V1) with
            {
                Headers = [("X-Header-Remove", "remove-val"), ("X-Header-Add-Append", "append-val-1")],
                SeenHeaders = [("X-Header-Add", "header-val-1"), ("X-Header-Add-Append", "append-val-1,header-val-2"), ("X-Header-Set", "set-overwrites-values")],
                SeenAbsent = ["X-Header-Remove"],
            },
        };
        foreach (var row in rows)
        {
            var mirrors = new[] { V2, V3 }.Select(m => (Name: m, Seen: MirroredTo(run.Backends, $"{Infra}/{m}:8080", row.Path))).ToList();
            await run.ExpectAllAsync([row]);
            var all = Task.WhenAll(mirrors.Select(m => m.Seen));
            await Task.WhenAny(all, Task.Delay(MirrorWait));
            var missing = mirrors.Where(m => !m.Seen.IsCompleted).Select(m => m.Name).ToList();
            Assert.True(missing.Count == 0, $"{row.Path} was not mirrored to {string.Join(", ", missing)} within {MirrorWait.TotalSeconds} s");
        }
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteRequestPercentageMirror()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-request-percentage-mirror");
        const int n = 300;
        // Bounds are the binomial 99.9% interval (±3.29 sd) around n·p for each rule's fraction.
        var rules = new (string Path, int Low, int High)[]
        {
            ("/percent-mirror", 38, 82),                   // percent: 20
            ("/percent-mirror-fraction", 122, 178),        // 25/50
            ("/percent-mirror-and-modify-headers", 78, 132), // percent: 35
        };
        var counters = rules.Select(r => new MirrorCounter(run.Backends, $"{Infra}/{V2}:8080", r.Path, r.Low)).ToList();
        foreach (var (path, _, _) in rules)
            for (var i = 0; i < n; i++)
                Assert.Equal(200, (await run.SendAsync(new Row(path))).Status);
        // Mirrors are fire and forget: wait (bounded) until each rule's copies reach the lower bound.
        var reached = Task.WhenAll(counters.Select(c => c.ReachedLow));
        await Task.WhenAny(reached, Task.Delay(MirrorWait));
        var report = string.Join(", ", rules.Zip(counters, (r, c) => $"{r.Path}: {c.Count} in [{r.Low}, {r.High}]"));
        Assert.True(rules.Zip(counters).All(p => p.Second.Count >= p.First.Low && p.Second.Count <= p.First.High), "mirrored copies of " + n + " requests each: " + report);
    }

    /// <summary>Counts the copies one backend receives for one path, and signals when the count reaches a threshold.</summary>
    private sealed class MirrorCounter
    {
        private readonly TaskCompletionSource _low = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public MirrorCounter(DemoBackends backends, string key, string path, int low)
        {
            backends.Received += r =>
            {
                if (r.Key != key || r.Path != path) return;
                if (Interlocked.Increment(ref _count) >= low) _low.TrySetResult();
            };
        }

        public int Count => Volatile.Read(ref _count);
        public Task ReachedLow => _low.Task;
    }

    /// <summary>Completes when the backend with <paramref name="key"/> receives a request for <paramref name="path"/>.</summary>
    private static Task<EchoedRequest> MirroredTo(DemoBackends backends, string key, string path)
    {
        var seen = new TaskCompletionSource<EchoedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        backends.Received += r =>
        {
            if (r.Key == key && r.Path == path) seen.TrySetResult(r);
        };
        return seen.Task;
    }
}

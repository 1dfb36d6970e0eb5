using Meshc.Runtime.Proxy;
using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>
/// Upstream HTTPRouteRequestMirror and HTTPRouteRequestMultipleMirrors: the client's answer comes from infra-backend-v1
/// as usual, and infra-backend-v2 (and infra-backend-v3) receive a copy of the request (upstream reads the mirror pod's
/// log; here the demo backends report what they saw).
/// </summary>
public sealed class MirrorConformanceTests
{
    private static readonly TimeSpan MirrorWait = TimeSpan.FromSeconds(5);

    [Fact]
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

    [Fact]
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

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Meshc.Runtime.Model;
using Meshc.Runtime.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>Request framing Envoy refuses, and request bodies that retries replay.</summary>
public sealed class RequestBodyAndFramingTests
{
    private const string RetryingHost = """
        [{"name":"vh","domains":["*"],"retryPolicy":{"retryOn":"retriable-status-codes","retriableStatusCodes":[418],"numRetries":1,
          "retryBackOff":{"baseInterval":"0.001s"}},"routes":[{"match":{"prefix":"/"},"route":{"cluster":"up"}}]}]
        """;

    [Fact]
    public async Task Retry_PostBody_ReachesTheFirstAttemptAndTheRetry()
    {
        var bodies = new ConcurrentQueue<string>();
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            bodies.Enqueue(await reader.ReadToEndAsync());
            ctx.Response.StatusCode = bodies.Count == 1 ? 418 : 200;
        });
        await using var proxy = await RuntimeHarness.Start(HandBuilt.Snapshot(RetryingHost, ("up", backend.Port, UpstreamProtocol.Http1)));
        using var client = RuntimeHarness.Client();
        using var response = await client.PostAsync($"http://127.0.0.1:{proxy.ListenerPorts[HandBuilt.Listener]}/", new StringContent("payload"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["payload", "payload"], bodies.ToArray());
        Assert.Equal(1, proxy.Stats.Get("cluster.up.upstream_rq_retry"));
        Assert.Equal(1, proxy.Stats.Get("cluster.up.upstream_rq_418"));
    }

    [Fact]
    public async Task Retry_BodyOverTheBufferLimit_GoesUpstreamWholeOnceWithoutRetry()
    {
        var bodies = new ConcurrentQueue<int>();
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            using var copy = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(copy);
            bodies.Enqueue((int)copy.Length);
            ctx.Response.StatusCode = 418;
        });
        var snapshot = HandBuilt.Snapshot(RetryingHost, ("up", backend.Port, UpstreamProtocol.Http1));
        // A 64 KiB limit and a 200 KiB body: Envoy gives up retrying rather than hold the body.
        snapshot = snapshot with { Listeners = [snapshot.Listeners[0] with { BufferLimit = 64 * 1024 }] };
        await using var proxy = await RuntimeHarness.Start(snapshot);
        using var client = RuntimeHarness.Client();
        var payload = new byte[200 * 1024];
        Random.Shared.NextBytes(payload);
        using var response = await client.PostAsync($"http://127.0.0.1:{proxy.ListenerPorts[HandBuilt.Listener]}/", new ByteArrayContent(payload));
        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal([payload.Length], bodies.ToArray());
        Assert.Equal(0, proxy.Stats.Get("cluster.up.upstream_rq_retry"));
        Assert.Equal(1, proxy.Stats.Get("cluster.up.retry_or_shadow_abandoned"));
    }

    [Fact]
    public async Task Retry_BodyWithinTheBufferLimit_IsReplayed()
    {
        var bodies = new ConcurrentQueue<int>();
        await using var backend = await TestBackend.StartAsync(async ctx =>
        {
            using var copy = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(copy);
            bodies.Enqueue((int)copy.Length);
            ctx.Response.StatusCode = bodies.Count == 1 ? 418 : 200;
        });
        await using var proxy = await RuntimeHarness.Start(HandBuilt.Snapshot(RetryingHost, ("up", backend.Port, UpstreamProtocol.Http1)));
        using var client = RuntimeHarness.Client();
        using var response = await client.PostAsync($"http://127.0.0.1:{proxy.ListenerPorts[HandBuilt.Listener]}/", new ByteArrayContent(new byte[512 * 1024]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([512 * 1024, 512 * 1024], bodies.ToArray());
        Assert.Equal(0, proxy.Stats.Get("cluster.up.retry_or_shadow_abandoned"));
    }

    [Fact]
    public async Task Framing_ContentLengthAndTransferEncoding_Is400AndNeverForwarded()
    {
        var forwarded = 0;
        await using var backend = await TestBackend.StartAsync(_ =>
        {
            Interlocked.Increment(ref forwarded);
            return Task.CompletedTask;
        });
        await using var proxy = await RuntimeHarness.Start(HandBuilt.Snapshot(RetryingHost, ("up", backend.Port, UpstreamProtocol.Http1)));
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, proxy.ListenerPorts[HandBuilt.Listener]);
        var stream = socket.GetStream();
        var request = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.StartsWith("HTTP/1.1 400", statusLine);
        Assert.Equal(0, forwarded);
    }
}

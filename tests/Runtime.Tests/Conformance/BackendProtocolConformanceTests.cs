using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using Meshc.Runtime.Proxy;
using static Meshc.Runtime.Tests.Conformance.Gw;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>Upstream backend-protocol tests: a Service port with appProtocol <c>kubernetes.io/h2c</c>, and <c>kubernetes.io/ws</c>.</summary>
public sealed class BackendProtocolConformanceTests
{
    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteBackendProtocolH2C()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-backend-protocol-h2c");
        StatusAssert.RouteParent(run.Status, "backend-protocol-h2c", "Accepted", true, "Accepted");
        await run.ExpectAllAsync([
            // Upstream: an HTTP/2 prior-knowledge request reaches infra-backend-v1 through its h2c port (whose echo
            // server answers HTTP/1.1 with 400; here the backend reports the protocol it saw).
            Row.To("/", V1) with { Version = HttpVersion.Version20, SeenProto = "HTTP/2.0" },
            // Beyond upstream: the port's appProtocol, not the client, makes the upstream hop HTTP/2.
            Row.To("/", V1) with { SeenProto = "HTTP/2.0" },
        ]);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteBackendProtocolWebSocket()
    {
        await using var run = await ConformanceRun.StartAsync("httproute-backend-protocol-websocket");
        StatusAssert.RouteParent(run.Status, "backend-protocol-ws", "Accepted", true, "Accepted");
        var seen = new ConcurrentQueue<EchoedRequest>();
        run.Backends.Received += seen.Enqueue;
        var (gateway, _) = run.Reach(SameNamespace);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "ws://gateway/HTTPRouteBackendProtocolWebSocket");
        await socket.ConnectAsync(new Uri($"ws://{gateway.Authority}/ws"), timeout.Token);

        // As upstream: a text frame and a binary frame come back as they were sent.
        Assert.Equal("Websocket Support!"u8.ToArray(), await RoundTrip(socket, "Websocket Support!"u8.ToArray(), WebSocketMessageType.Text, timeout.Token));
        byte[] binary = [1, 2, 3, 4, 5, 6, 7];
        Assert.Equal(binary, await RoundTrip(socket, binary, WebSocketMessageType.Binary, timeout.Token));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);

        // The handshake reached the Service port the route names (8082, appProtocol kubernetes.io/ws) as an upgrade.
        var handshake = Assert.Single(seen);
        Assert.Equal($"{Infra}/{V1}:8082", handshake.Key);
        Assert.Equal("websocket", handshake.Headers.GetValueOrDefault("upgrade"), StringComparer.OrdinalIgnoreCase);
    }

    [SharedFact(ConformanceManifests.SharedFolder)]
    public async Task HTTPRouteBackendProtocolWebSocket_RouteTimeout_EndsAtTheUpgrade()
    {
        // Beyond upstream: the same route with a 1 s request timeout. As in Envoy, the route timeout covers the upgrade
        // request until the 101; the upgraded connection is not cut when it runs out.
        await using var run = await ConformanceRun.StartAsync(ConformanceManifests.Load("httproute-backend-protocol-websocket",
            yaml => yaml.Replace("  rules:\n  - backendRefs:", "  rules:\n  - timeouts:\n      request: 1s\n    backendRefs:", StringComparison.Ordinal)));
        var (gateway, _) = run.Reach(SameNamespace);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{gateway.Authority}/ws"), timeout.Token);
        Assert.Equal("before"u8.ToArray(), await RoundTrip(socket, "before"u8.ToArray(), WebSocketMessageType.Text, timeout.Token));
        // The passing of time past the route timeout is what is tested, so the test waits for it.
        await Task.Delay(TimeSpan.FromMilliseconds(1500), timeout.Token);
        Assert.Equal("after"u8.ToArray(), await RoundTrip(socket, "after"u8.ToArray(), WebSocketMessageType.Text, timeout.Token));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    /// <summary>Sends one message and returns the next whole message received, which must be of the same type.</summary>
    private static async Task<byte[]> RoundTrip(ClientWebSocket socket, byte[] message, WebSocketMessageType type, CancellationToken cancel)
    {
        await socket.SendAsync(message, type, endOfMessage: true, cancel);
        using var received = new MemoryStream();
        var buffer = new byte[1024];
        while (true)
        {
            var part = await socket.ReceiveAsync(buffer.AsMemory(), cancel);
            Assert.Equal(type, part.MessageType);
            received.Write(buffer, 0, part.Count);
            if (part.EndOfMessage) return received.ToArray();
        }
    }
}

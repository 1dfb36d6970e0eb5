using Meshc.Runtime.Model;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// Request smuggling and parsing cases Envoy refuses (envoy-semantics.md §6), over raw sockets: none may reach a
/// backend, and the ones Kestrel parses differently from Envoy are pinned with the answer this runtime gives.
/// </summary>
public sealed class HttpParsingHardeningTests
{
    [Theory]
    [InlineData("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!")]     // conflicting lengths
    [InlineData("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello")]      // repeated length
    [InlineData("GET /echo HTTP/1.1\r\nHost: a\r\nx-a: 1\r\n folded\r\n\r\n")]                                // obs-fold
    [InlineData("GET /echo HTTP/1.1\r\nHost: a\r\nx-a: b\0c\r\n\r\n")]                                         // NUL in a value (CVE-2019-9900)
    [InlineData("GET /echo HTTP/1.1\r\nHost: a\r\nx-a: b\rc\r\n\r\n")]                                         // bare CR in a value
    [InlineData("GET /echo HTTP/1.1\r\nHost: a\r\nx-a : b\r\n\r\n")]                                           // space before the colon
    [InlineData("GET /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")] // CL with TE
    public async Task MalformedRequests_Are400AndNeverForwarded(string request)
    {
        await using var rig = await EdgeRig.StartAsync();
        Assert.Equal(400, (await RawHttp.Send(rig.Port, request)).Status);
        Assert.Empty(rig.Received);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("chunked, gzip")]
    public async Task TransferEncodingNotEndingInChunked_IsRefusedAndNeverForwarded(string coding)
    {
        // Envoy answers 501; Kestrel refuses it while parsing, before the proxy sees the request, with 400.
        await using var rig = await EdgeRig.StartAsync();
        Assert.Equal(400, (await RawHttp.Send(rig.Port, $"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: {coding}\r\n\r\n")).Status);
        Assert.Empty(rig.Received);
    }

    [Fact]
    public async Task TrailingWhitespaceInHost_IsTrimmedBeforeVirtualHostMatching()
    {
        // CVE-2019-18802: "a.example " must select the virtual host of "a.example".
        await using var backend = await TestBackend.StartAsync(_ => Task.CompletedTask);
        var snapshot = HandBuilt.Snapshot("""[{"name":"vh","domains":["a.example"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"up"}}]}]""",
            ("up", backend.Port, UpstreamProtocol.Http1));
        await using var proxy = await RuntimeHarness.Start(snapshot);
        var response = await RawHttp.Send(proxy.ListenerPorts[HandBuilt.Listener], "GET / HTTP/1.1\r\nHost: a.example \t \r\nConnection: close\r\n\r\n");
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task UpgradeAnsweredWith200_IsNoTunnel()
    {
        // CVE-2024-23326: only a 101 turns a connection into a tunnel. After a 200, the next bytes on the connection
        // are a new request the proxy routes itself, not bytes piped to the first backend.
        await using var rig = await EdgeRig.StartAsync();
        var responses = await RawHttp.Exchange(rig.Port,
            "GET /echo HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
            "GET /other HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        Assert.Equal([200, 200], responses.Select(r => r.Status));
        Assert.Equal(["echo", "other"], responses.Select(r => r.Body));
        Assert.Equal([("echo", "/echo"), ("other", "/other")], rig.Received.Select(r => (r.Backend, r.Target)));
    }

    [Fact]
    public async Task LargeBody_IsStreamedWithoutKestrelsBodyLimit()
    {
        // Envoy's connection manager has no body limit; Kestrel's default is 30,000,000 bytes.
        await using var rig = await EdgeRig.StartAsync();
        var size = 31_000_000;
        var head = $"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n";
        var request = new byte[head.Length + size];
        System.Text.Encoding.ASCII.GetBytes(head, request);
        request.AsSpan(head.Length).Fill((byte)'b');
        // 31 MB through the proxy: allow for a loaded machine.
        Assert.Equal(200, (await RawHttp.Send(rig.Port, request, TimeSpan.FromSeconds(60))).Status);
        Assert.Equal(size, rig.Received.Single().Body.Length);
    }
}

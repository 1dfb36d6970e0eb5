using System.Net;
using System.Net.Sockets;
using System.Text;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// The upstream HTTP/1.1 client against a backend that writes its answers byte by byte: framings, interim responses,
/// connection reuse and its limits, early answers, resets, large bodies both ways. Where both upstream clients must
/// agree, the test runs on each.
/// </summary>
public sealed class Http1ClientTests
{
    private const string Hosts = """[{"name":"vh","domains":["*"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"up"}}]}]""";

    private static async Task<ProxyHost> Proxy(int port, UpstreamClient client = UpstreamClient.Native) =>
        await ProxyHost.StartAsync(HandBuilt.Snapshot(Hosts, ("up", port, UpstreamProtocol.Http1)),
            new ProxyOptions(IPAddress.Loopback, 0, AdminPort: 0) { EphemeralPorts = true, UpstreamClient = client });

    private static string Url(ProxyHost proxy, string path = "/") => $"http://127.0.0.1:{proxy.ListenerPorts[HandBuilt.Listener]}{path}";

    private static string Ok(string body, string extra = "") => $"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n{extra}\r\n{body}";

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task KeepAlive_SequentialRequests_ShareOneUpstreamConnection(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Answering((n, _) => Ok($"answer {n}"));
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = RuntimeHarness.Client();
        for (var i = 0; i < 3; i++) Assert.Equal($"answer {i}", await client.GetStringAsync(Url(proxy)));
        Assert.Equal(1, backend.Connections);
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task ConnectionClose_FromUpstream_NextRequestOpensANewConnection(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Start(async c =>
        {
            if (await c.ReadRequest() is null) return;
            await c.Write(Ok("bye", "Connection: close\r\n"));
        });
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = RuntimeHarness.Client();
        Assert.Equal("bye", await client.GetStringAsync(Url(proxy)));
        Assert.Equal("bye", await client.GetStringAsync(Url(proxy)));
        Assert.Equal(2, backend.Connections);
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task StaleKeepAlive_UpstreamClosedTheIdleConnection_RequestGoesOnANewOne(UpstreamClient kind)
    {
        // Answers one request per connection, keep-alive by default, then closes without saying so.
        await using var backend = ScriptedBackend.Start(async c =>
        {
            if (await c.ReadRequest() is null) return;
            await c.Write(Ok("once"));
            c.Socket.Shutdown(SocketShutdown.Both);
        });
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = RuntimeHarness.Client();
        Assert.Equal("once", await client.GetStringAsync(Url(proxy)));
        Assert.Equal("once", await client.GetStringAsync(Url(proxy)));
        Assert.Equal(2, backend.Connections);
        Assert.Equal(0, proxy.Stats.Get("cluster.up.upstream_rq_rx_reset"));
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task Chunked_ResponseBody_ArrivesWholeAndTheConnectionIsReused(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Answering((_, _) =>
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = RuntimeHarness.Client();
        Assert.Equal("hello world", await client.GetStringAsync(Url(proxy)));
        Assert.Equal("hello world", await client.GetStringAsync(Url(proxy)));
        Assert.Equal(1, backend.Connections);
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task Trailers_OfAChunkedResponse_ReachAnHttp2Client(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Answering((_, _) =>
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: grpc-status\r\n\r\n2\r\nok\r\n0\r\ngrpc-status: 0\r\nx-check: done\r\n\r\n");
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = RuntimeHarness.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(proxy)) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await client.SendAsync(request);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
        Assert.Equal("done", response.TrailingHeaders.GetValues("x-check").Single());
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task InterimResponses_AreDroppedAndTheFinalOneForwarded(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Answering((_, _) =>
            "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n" + Ok("final", "x-final: yes\r\n"));
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = RuntimeHarness.Client();
        using var response = await client.GetAsync(Url(proxy));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("final", await response.Content.ReadAsStringAsync());
        Assert.Equal("yes", response.Headers.GetValues("x-final").Single());
        Assert.False(response.Headers.Contains("link"));
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task HeadAnd204And304_HaveNoBodyWhateverTheirHeadersSay_AndKeepTheConnection(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Answering((n, head) => n switch
        {
            0 => "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n",
            1 => "HTTP/1.1 204 No Content\r\n\r\n",
            2 => "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n",
            _ => Ok("after"),
        });
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = RuntimeHarness.Client();
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url(proxy))))
        {
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(1234, head.Content.Headers.ContentLength);
        }
        using (var noContent = await client.GetAsync(Url(proxy))) Assert.Equal(HttpStatusCode.NoContent, noContent.StatusCode);
        using (var notModified = await client.GetAsync(Url(proxy)))
        {
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Equal("\"v1\"", notModified.Headers.ETag?.Tag);
        }
        Assert.Equal("after", await client.GetStringAsync(Url(proxy)));
        Assert.Equal(1, backend.Connections);
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task CloseDelimitedBody_IsReadToTheEndAndTheConnectionNotReused(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Start(async c =>
        {
            if (await c.ReadRequest() is null) return;
            await c.Write("HTTP/1.1 200 OK\r\n\r\nuntil the end");
        });
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = RuntimeHarness.Client();
        Assert.Equal("until the end", await client.GetStringAsync(Url(proxy)));
        Assert.Equal("until the end", await client.GetStringAsync(Url(proxy)));
        Assert.Equal(2, backend.Connections);
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task ResetInsideTheBody_ResetsTheClientInsteadOfAShortAnswer(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Start(async c =>
        {
            if (await c.ReadRequest() is null) return;
            await c.Write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\npartial");
            c.Socket.LingerState = new LingerOption(true, 0);
        });
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = RuntimeHarness.Client();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetByteArrayAsync(Url(proxy)));
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task MalformedAnswer_Is503Reset(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Answering((_, _) => "SPDY/9 what\r\n\r\n");
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = RuntimeHarness.Client();
        using var response = await client.GetAsync(Url(proxy));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, proxy.Stats.Get("cluster.up.upstream_rq_rx_reset"));
    }

    [Fact]
    public async Task RequestHeaders_HopByHopDropped_HostKept_TeTrailersKept()
    {
        await using var backend = ScriptedBackend.Answering((_, _) => Ok("x"));
        await using var proxy = await Proxy(backend.Port);
        using var client = RuntimeHarness.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(proxy, "/p%2Fq?a=1"));
        request.Headers.Host = "original.example:8080";
        request.Headers.TryAddWithoutValidation("Keep-Alive", "timeout=5");
        request.Headers.TryAddWithoutValidation("Proxy-Connection", "keep-alive");
        request.Headers.TryAddWithoutValidation("TE", "trailers");
        request.Headers.TryAddWithoutValidation("x-multi", ["a", "b"]);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var head = Assert.Single(backend.Heads);
        Assert.StartsWith("GET /p%2Fq?a=1 HTTP/1.1\r\n", head);
        Assert.Equal("original.example:8080", ScriptedBackend.Connection.HeaderValue(head, "host"));
        Assert.Equal("trailers", ScriptedBackend.Connection.HeaderValue(head, "te"));
        Assert.Equal("a, b", ScriptedBackend.Connection.HeaderValue(head, "x-multi"));
        Assert.Null(ScriptedBackend.Connection.HeaderValue(head, "keep-alive"));
        Assert.Null(ScriptedBackend.Connection.HeaderValue(head, "proxy-connection"));
        Assert.Null(ScriptedBackend.Connection.HeaderValue(head, "connection"));
    }

    [Fact]
    public async Task ResponseHeaders_RepeatedOnesStaySeparate_HopByHopDropped_ReasonKept()
    {
        await using var backend = ScriptedBackend.Answering((_, _) =>
            "HTTP/1.1 299 Custom Reason\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nKeep-Alive: timeout=5\r\nContent-Length: 0\r\n\r\n");
        await using var proxy = await Proxy(backend.Port);
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, proxy.ListenerPorts[HandBuilt.Listener]);
        var stream = socket.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"u8.ToArray());
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 299 Custom Reason\r\n", answer);
        Assert.Contains("Set-Cookie: a=1\r\n", answer);
        Assert.Contains("Set-Cookie: b=2\r\n", answer);
        Assert.DoesNotContain("Keep-Alive", answer);
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task LargeDownload_StreamsThrough(UpstreamClient kind)
    {
        const int size = 4 * 1024 * 1024;
        var body = new byte[size];
        Random.Shared.NextBytes(body);
        await using var backend = ScriptedBackend.Start(async c =>
        {
            while (await c.ReadRequest() is not null)
            {
                await c.Write($"HTTP/1.1 200 OK\r\nContent-Length: {size}\r\n\r\n");
                await c.Write(body);
            }
        });
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
        Assert.Equal(body, await client.GetByteArrayAsync(Url(proxy)));
        Assert.Equal(body, await client.GetByteArrayAsync(Url(proxy)));
        Assert.Equal(1, backend.Connections);
    }

    [Theory]
    [InlineData(UpstreamClient.Native, false)]
    [InlineData(UpstreamClient.Native, true)]
    [InlineData(UpstreamClient.Yarp, false)]
    [InlineData(UpstreamClient.Yarp, true)]
    public async Task LargeBodies_StreamBothWays(UpstreamClient kind, bool chunkedUpload)
    {
        const int size = 4 * 1024 * 1024;
        await using var backend = ScriptedBackend.Start(async c =>
        {
            while (await c.ReadRequest() is { } head)
            {
                var chunked = ScriptedBackend.Connection.HeaderValue(head, "transfer-encoding");
                var body = new byte[c.Body.Length];
                for (var i = 0; i < body.Length; i++) body[i] = (byte)(c.Body[i] ^ 0x5a);
                await c.Write($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nx-upload: {chunked}\r\n\r\n");
                await c.Write(body);
            }
        });
        await using var proxy = await Proxy(backend.Port, kind);
        // 4 MiB each way takes seconds on a loaded machine: a bound against hanging, not a timing.
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(60) };
        var payload = new byte[size];
        Random.Shared.NextBytes(payload);
        // A stream of unknown length goes up chunked.
        using HttpContent content = chunkedUpload ? new StreamContent(new NoLengthStream(payload)) : new ByteArrayContent(payload);
        using var response = await client.PostAsync(Url(proxy), content);
        Assert.Equal(chunkedUpload ? "chunked" : "", response.Headers.GetValues("x-upload").Single());
        var echoed = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(size, echoed.Length);
        for (var i = 0; i < size; i += 4099) Assert.Equal((byte)(payload[i] ^ 0x5a), echoed[i]);
    }

    /// <summary>A readable stream that does not tell its length, so HttpClient sends it chunked.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

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

    private static async Task<ProxyHost> Proxy(int port, UpstreamClient client = UpstreamClient.Native, string hosts = Hosts) =>
        await ProxyHost.StartAsync(HandBuilt.Snapshot(hosts, ("up", port, UpstreamProtocol.Http1)),
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
    public async Task ResponseHeader_WithAnEmptyValue_IsForwarded(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Answering((_, _) => "HTTP/1.1 200 OK\r\nx-empty: \r\nx-full: v\r\nContent-Length: 0\r\n\r\n");
        await using var proxy = await Proxy(backend.Port, kind);
        var response = await RawHttp.Send(proxy.ListenerPorts[HandBuilt.Listener], "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        Assert.Equal("", response.Header("x-empty"));
        Assert.Equal("v", response.Header("x-full"));
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

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task EarlyAnswer_ToAStreamedUpload_IsForwarded(UpstreamClient kind)
    {
        // The upstream refuses the upload from its head alone and closes without reading the body.
        await using var backend = ScriptedBackend.Start(async c =>
        {
            if (await c.ReadRequest(readBody: false) is null) return;
            await c.Write("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbig!");
        });
        await using var proxy = await Proxy(backend.Port, kind);
        var upload = new string('u', 256 * 1024);
        var response = await RawHttp.Send(proxy.ListenerPorts[HandBuilt.Listener],
            $"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: {upload.Length}\r\n\r\n{upload}");
        Assert.Equal(413, response.Status);
        Assert.Equal("big!", response.Body);
        Assert.Equal(0, proxy.Stats.Get("cluster.up.upstream_rq_rx_reset"));
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task ClientCutsItsUploadShort_IsAResetTowardsTheUpstreamAndNoUpstreamFailure(UpstreamClient kind)
    {
        await using var backend = ScriptedBackend.Start(async c =>
        {
            while (await c.ReadRequest(readBody: false) is { } head)
            {
                // The upload is read until the proxy gives it up (closing the connection), never answered.
                if (head.StartsWith("POST", StringComparison.Ordinal))
                {
                    await c.Discard(long.MaxValue);
                    return;
                }
                await c.Write(Ok("fine"));
            }
        });
        await using var proxy = await Proxy(backend.Port, kind);
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, proxy.ListenerPorts[HandBuilt.Listener]);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.Latin1.GetBytes("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100000\r\n\r\n" + new string('p', 1000)));
            await stream.FlushAsync();
            // Gone with 99,000 bytes of its body unsent.
            client.Client.LingerState = new LingerOption(true, 0);
        }
        // The request ends as the client's failure: a reset of the upstream request, no upstream error, no 5xx.
        await Until(() => proxy.Stats.Get("cluster.up.upstream_rq_tx_reset") == 1);
        Assert.Equal(0, proxy.Stats.Get("cluster.up.upstream_rq_rx_reset"));
        Assert.Equal(0, proxy.Stats.Get("cluster.up.upstream_cx_connect_fail"));
        Assert.Equal(0, proxy.Stats.Get("http.test.downstream_rq_5xx"));
        // The half-sent upstream request's connection is not reused: the next request is answered.
        Assert.Equal("fine", (await RawHttp.Send(proxy.ListenerPorts[HandBuilt.Listener], "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).Body);
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task RouteTimeout_DuringAStreamedUpload_Is504AndALocalOriginTimeout(UpstreamClient kind)
    {
        const string timed = """[{"name":"vh","domains":["*"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"up","timeout":"0.5s"}}]}]""";
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Reads the whole upload, then never answers; the proxy's timeout closes the connection.
        await using var backend = ScriptedBackend.Start(async c =>
        {
            if (await c.ReadRequest() is null) return;
            await c.Discard(long.MaxValue);
            gone.TrySetResult();
        });
        await using var proxy = await Proxy(backend.Port, kind, timed);
        var upload = new string('t', 100_000);
        var response = await RawHttp.Send(proxy.ListenerPorts[HandBuilt.Listener],
            $"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: {upload.Length}\r\n\r\n{upload}");
        Assert.Equal(504, response.Status);
        Assert.Equal("upstream request timeout", response.Body);
        Assert.Equal(1, proxy.Stats.Get("cluster.up.upstream_rq_timeout"));
        Assert.Equal(0, proxy.Stats.Get("cluster.up.upstream_rq_tx_reset"));
        await gone.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(UpstreamClient.Native)]
    [InlineData(UpstreamClient.Yarp)]
    public async Task StreamedUpload_WaitsForAnUpstreamThatDoesNotRead_InsteadOfBufferingIt(UpstreamClient kind)
    {
        const long size = 64L * 1024 * 1024;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var backend = ScriptedBackend.Start(async c =>
        {
            if (await c.ReadRequest(readBody: false) is null) return;
            await release.Task;
            var read = await c.Discard(size);
            await c.Write(Ok(read.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        });
        await using var proxy = await Proxy(backend.Port, kind);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, proxy.ListenerPorts[HandBuilt.Listener]);
        var stream = client.GetStream();
        long written = 0;
        var writing = Task.Run(async () =>
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes($"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n"));
            var piece = new byte[64 * 1024];
            while (Interlocked.Read(ref written) < size)
            {
                await stream.WriteAsync(piece);
                Interlocked.Add(ref written, piece.Length);
            }
        });
        // The upload stalls once the socket buffers and the proxy's bounded pieces are full: no progress for a second.
        long last = -1;
        for (var quiet = 0; quiet < 5 && !writing.IsCompleted;)
        {
            await Task.WhenAny(writing, Task.Delay(200));
            var now = Interlocked.Read(ref written);
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        // Buffering the whole body would have taken all 64 MiB; the buffers between hold a few.
        Assert.False(writing.IsCompleted, "the whole 64 MiB upload was taken while the upstream read nothing");
        Assert.True(last < size * 3 / 4, $"{last} bytes of the upload were taken while the upstream read nothing");
        release.SetResult();
        await writing.WaitAsync(TimeSpan.FromSeconds(60));
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var answer = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer);
        Assert.EndsWith("\r\n\r\n" + size, answer);
    }

    /// <summary>Waits for a condition the proxy reaches after the client's side of the test is done (bounded: 30 s).</summary>
    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "the proxy did not get there within 30 s");
    }

    /// <summary>A readable stream that does not tell its length, so HttpClient sends it chunked.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

using System.Net;
using System.Text;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// What Envoy answers before routing, over raw sockets: HTTP/1.0, malformed framing (the client's fault, never the
/// upstream's), header limits, absolute-form and asterisk-form targets, underscores in header names.
/// </summary>
public sealed class RequestEdgeEndToEndTests
{
    [Fact]
    public async Task Http10_Is426AndTheConnectionCloses()
    {
        await using var rig = await EdgeRig.StartAsync();
        var response = await RawHttp.Send(rig.Port, "GET /echo HTTP/1.0\r\nHost: a\r\n\r\n");
        Assert.Equal(426, response.Status);
        Assert.Equal("Upgrade Required", response.Body);
        Assert.True(response.Closed);
        Assert.Empty(rig.Received);
        Assert.Equal(1, rig.Stat("http.test.downstream_cx_protocol_error"));
        Assert.Equal(1, rig.Stat("http.test.downstream_rq_4xx"));
    }

    [Fact]
    public async Task AcceptHttp10_ServesItAndFillsInTheDefaultHost()
    {
        await using var rig = await EdgeRig.StartAsync(h => h with { Edge = h.Edge with { AcceptHttp10 = true, DefaultHostForHttp10 = "default.example" } });
        Assert.Equal(200, (await RawHttp.Send(rig.Port, "GET /echo HTTP/1.0\r\nHost: given.example\r\n\r\n")).Status);
        Assert.Equal(200, (await RawHttp.Send(rig.Port, "GET /echo HTTP/1.0\r\n\r\n")).Status);
        Assert.Equal(["given.example", "default.example"], rig.Received.Select(r => r.Host));
    }

    [Fact]
    public async Task AcceptHttp10_WithoutAnyHost_Is400()
    {
        await using var rig = await EdgeRig.StartAsync(h => h with { Edge = h.Edge with { AcceptHttp10 = true } });
        Assert.Equal(400, (await RawHttp.Send(rig.Port, "GET /echo HTTP/1.0\r\n\r\n")).Status);
        Assert.Empty(rig.Received);
    }

    /// <summary>Chunked bodies a parser refuses on sight, each on both upstream clients.</summary>
    public static TheoryData<string, UpstreamClient> MalformedChunkedBodies()
    {
        string[] bodies =
        [
            "ZZ\r\nhello\r\n0\r\n\r\n",                   // a chunk size that is not hex
            "5\r\nhello\r\nZZ\r\n",                        // a bad size after a good chunk
            "5\r\nhelloXX0\r\n\r\n",                       // chunk data not followed by CRLF
            "10000000000000000005\r\nhello\r\n0\r\n\r\n", // a size past 64 bits
            "5\r\nhello\r\n0\r\nbroken trailer\r\n\r\n",   // a trailer line that is no header
        ];
        var data = new TheoryData<string, UpstreamClient>();
        foreach (var body in bodies)
            foreach (var client in Enum.GetValues<UpstreamClient>())
                data.Add(body, client);
        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedChunkedBodies))]
    public async Task MalformedChunkedBody_Is400_AndNeitherBlamesNorEjectsTheUpstream(string body, UpstreamClient client)
    {
        // One local-origin failure would eject the host: outlier detection must not hear of the client's mistakes.
        var outlier = new OutlierSettings(5, 100, 5, 0, ConsecutiveLocalOriginFailure: 1, EnforcingConsecutiveLocalOriginFailure: 100,
            SplitExternalLocalOriginErrors: true, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(300), 100, AlwaysEjectOneHost: true);
        await using var rig = await EdgeRig.StartAsync(outlier: outlier, client: client);
        for (var i = 0; i < 3; i++)
        {
            var response = await RawHttp.Send(rig.Port, "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
            Assert.Equal(400, response.Status);
            Assert.Equal("Bad Request", response.Body);
            Assert.Equal("11", response.Header("content-length"));
            Assert.True(response.Closed);
        }
        Assert.Equal(3, rig.Stat("http.test.downstream_cx_protocol_error"));
        Assert.Equal(0, rig.Stat("http.test.downstream_rq_5xx"));
        Assert.Equal(0, rig.Stat("cluster.echo.upstream_rq_rx_reset"));
        Assert.Equal(0, rig.Stat("cluster.echo.outlier_detection.ejections_enforced_total"));
        Assert.Equal(3, rig.Stat("cluster.echo.upstream_rq_tx_reset"));
        // The host still serves.
        Assert.Equal(200, (await RawHttp.Send(rig.Port, "GET /echo HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).Status);
    }

    [Fact]
    public async Task ContentLengthWithChunked_AllowChunkedLength_ForwardsChunkedWithoutEitherLength()
    {
        await using var rig = await EdgeRig.StartAsync(h => h with { Edge = h.Edge with { AllowChunkedLength = true } });
        var request = "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        Assert.Equal(200, (await RawHttp.Send(rig.Port, request)).Status);
        var received = rig.Received.Single();
        Assert.Equal(("hello", false), (received.Body, received.XContentLength));
    }

    [Fact]
    public async Task HeaderCount_OverMaxHeadersCount_Is431()
    {
        await using var rig = await EdgeRig.StartAsync();
        // Host, Connection and n more: Envoy counts every header line the client sent.
        static string With(int lines) => "GET /echo HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
            + string.Concat(Enumerable.Range(0, lines - 2).Select(i => $"x-h{i}: v\r\n")) + "\r\n";
        Assert.Equal(200, (await RawHttp.Send(rig.Port, With(100))).Status);
        var over = await RawHttp.Send(rig.Port, With(101));
        Assert.Equal(431, over.Status);
        Assert.Equal("Request Header Fields Too Large", over.Body);
        Assert.True(over.Closed);
        Assert.Single(rig.Received);
    }

    [Fact]
    public async Task HeaderBytes_CountTheUrlAndEveryNameAndValue()
    {
        await using var rig = await EdgeRig.StartAsync();
        const int limit = 60 * 1024;
        // "/echo/" + padding as URL, then Host: a and Connection: close (4+1 and 10+5 bytes).
        string Request(int total)
        {
            var url = "/echo/" + new string('u', 40 * 1024);
            var fill = total - url.Length - (4 + 1) - (10 + 5) - "x-fill".Length;
            return $"GET {url} HTTP/1.1\r\nHost: a\r\nConnection: close\r\nx-fill: {new string('v', fill)}\r\n\r\n";
        }
        Assert.Equal(200, (await RawHttp.Send(rig.Port, Request(limit))).Status);
        Assert.Equal(431, (await RawHttp.Send(rig.Port, Request(limit + 1))).Status);
        Assert.Single(rig.Received);
    }

    [Fact]
    public async Task LongUrl_WithinTheHeaderLimit_IsServed()
    {
        // Envoy has no request-line limit of its own: a URL counts against the 60 KiB of headers.
        await using var rig = await EdgeRig.StartAsync();
        var url = "/echo/" + new string('a', 59 * 1024);
        Assert.Equal(200, (await RawHttp.Send(rig.Port, $"GET {url} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).Status);
        Assert.Equal(url, rig.Received.Single().Target);
    }

    [Fact]
    public async Task HeaderLimits_FollowTheListenerSettings()
    {
        await using var rig = await EdgeRig.StartAsync(h => h with { Edge = h.Edge with { MaxRequestHeadersKb = 1, MaxHeadersCount = 3 } });
        Assert.Equal(200, (await RawHttp.Send(rig.Port, "GET /echo HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).Status);
        Assert.Equal(431, (await RawHttp.Send(rig.Port, "GET /echo HTTP/1.1\r\nHost: a\r\nConnection: close\r\na: 1\r\nb: 2\r\n\r\n")).Status);
        Assert.Equal(431, (await RawHttp.Send(rig.Port, $"GET /echo/{new string('x', 1024)} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).Status);
    }

    [Fact]
    public async Task Http2_HeadersOverTheLimit_ResetTheStream()
    {
        await using var rig = await EdgeRig.StartAsync(h => h with { Edge = h.Edge with { MaxRequestHeadersKb = 1 } });
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        HttpRequestMessage Request(int bytes)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{rig.Port}/echo")
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            };
            message.Headers.Add("x-fill", new string('v', bytes));
            return message;
        }
        using var small = await client.SendAsync(Request(10));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Request(2048)));
        Assert.Single(rig.Received);
        Assert.Equal(1, rig.Stat("http.test.downstream_cx_protocol_error"));
    }

    [Fact]
    public async Task AbsoluteFormTarget_IsRoutedByItsPathWithItsAuthority()
    {
        await using var rig = await EdgeRig.StartAsync();
        var response = await RawHttp.Send(rig.Port, "GET http://a.example:8080/echo/x?q=1 HTTP/1.1\r\nHost: a.example:8080\r\nConnection: close\r\n\r\n");
        Assert.Equal(200, response.Status);
        var received = rig.Received.Single();
        Assert.Equal(("echo", "/echo/x?q=1", "a.example:8080"), (received.Backend, received.Target, received.Host));
    }

    [Fact]
    public async Task AsteriskFormTarget_Is404AsANonRelativePath()
    {
        await using var rig = await EdgeRig.StartAsync();
        Assert.Equal(404, (await RawHttp.Send(rig.Port, "OPTIONS * HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")).Status);
        Assert.Equal(1, rig.Stat("http.test.downstream_rq_non_relative_path"));
        Assert.Empty(rig.Received);
    }

    [Theory]
    [InlineData(UnderscoreHeaders.Allow, 200, true)]
    [InlineData(UnderscoreHeaders.DropHeader, 200, false)]
    [InlineData(UnderscoreHeaders.RejectRequest, 400, false)]
    public async Task UnderscoresInHeaderNames_FollowTheAction(UnderscoreHeaders action, int status, bool forwarded)
    {
        var seen = false;
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            seen = ctx.Request.Headers.ContainsKey("x_under");
            return Task.CompletedTask;
        });
        var snapshot = HandBuilt.Snapshot("""[{"name":"vh","domains":["*"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"up"}}]}]""",
            ("up", backend.Port, UpstreamProtocol.Http1));
        snapshot = snapshot with { Listeners = [snapshot.Listeners[0] with { Hcm = snapshot.Listeners[0].Hcm with { Edge = EdgeSettings.EnvoyDefault with { Underscores = action } } }] };
        await using var proxy = await RuntimeHarness.Start(snapshot);
        var response = await RawHttp.Send(proxy.ListenerPorts[HandBuilt.Listener], "GET / HTTP/1.1\r\nHost: a\r\nx_under: 1\r\nConnection: close\r\n\r\n");
        Assert.Equal(status, response.Status);
        Assert.Equal(forwarded, seen);
    }

    [Fact]
    public async Task ChunkedBody_WellFormed_StillStreamsThrough()
    {
        await using var rig = await EdgeRig.StartAsync();
        var body = new StringBuilder();
        for (var i = 0; i < 20; i++) body.Append("a\r\n0123456789\r\n");
        body.Append("0\r\n\r\n");
        var response = await RawHttp.Send(rig.Port, "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body);
        Assert.Equal(200, response.Status);
        Assert.Equal(200, rig.Received.Single().Body.Length);
    }

    [Theory]
    [InlineData(100, 0, 200, UpstreamClient.Native)]   // Envoy's default max_headers_count for responses
    [InlineData(100, 0, 200, UpstreamClient.Yarp)]
    [InlineData(101, 0, 502, UpstreamClient.Native)]   // an upstream protocol error is Envoy's 502 (since 1.18; 503 before)
    [InlineData(101, 0, 502, UpstreamClient.Yarp)]
    [InlineData(1, 79, 200, UpstreamClient.Native)]    // HTTP/1 responses may carry up to 80 KiB of headers
    [InlineData(1, 79, 200, UpstreamClient.Yarp)]
    [InlineData(1, 81, 502, UpstreamClient.Native)]
    [InlineData(1, 81, 502, UpstreamClient.Yarp)]
    public async Task UpstreamResponseHeaders_OverEnvoysLimits_AreAProtocolError(int lines, int kib, int status, UpstreamClient client)
    {
        await using var backend = await TestBackend.StartAsync(ctx =>
        {
            // Kestrel adds Date, Server and Content-Length: fill up to the wanted number of lines.
            for (var i = 0; i < lines - 3; i++) ctx.Response.Headers[$"x-r{i}"] = "v";
            if (kib > 0) ctx.Response.Headers["x-big"] = new string('b', kib * 1024);
            ctx.Response.ContentLength = 0;
            return Task.CompletedTask;
        });
        var snapshot = HandBuilt.Snapshot("""[{"name":"vh","domains":["*"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"up"}}]}]""",
            ("up", backend.Port, UpstreamProtocol.Http1));
        await using var proxy = await RuntimeHarness.Start(snapshot, client);
        var response = await RawHttp.Send(proxy.ListenerPorts[HandBuilt.Listener], "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        Assert.Equal(status, response.Status);
        if (status == 502)
        {
            Assert.Equal("upstream connect error or disconnect/reset before headers. reset reason: protocol error", response.Body);
            Assert.Equal(1, proxy.Stats.Get("cluster.up.upstream_cx_protocol_error"));
            Assert.Equal(0, proxy.Stats.Get("cluster.up.upstream_rq_200"));
        }
    }
}

using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>HTTP/1.1 and h2c prior knowledge on one listener socket, and the upstream version each cluster asks for.</summary>
public sealed class H2cTests
{
    private const string GatewayListener = "default/cilium-gateway-my-example-gateway/listener";
    private const string AnyHostToUpstream = """[{"name":"vh","domains":["*"],"routes":[{"match":{"prefix":"/"},"route":{"cluster":"up"}}]}]""";

    private static HttpRequestMessage Get(string url, Version version) => new(HttpMethod.Get, url)
    {
        Version = version,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    [Theory]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", true, true, 24)]
    [InlineData("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\x12\x04", true, true, 24)]
    [InlineData("GET / HTTP/1.1\r\n", true, false, 1)]
    [InlineData("PRI * HTTP/1.1\r\n", true, false, 12)]
    [InlineData("PRI * HT", false, false, 8)]
    public void Detect_FirstBytes_DecideOnlyWhenTheyDivergeOrTheWholePrefaceIsThere(string head, bool decided, bool h2, long examined)
    {
        var result = PriorKnowledgeH2c.Compare(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(head)));
        Assert.Equal((decided, h2, examined), result);
    }

    /// <summary>A bare Kestrel server whose one socket uses the detector, answering with the protocol it saw.</summary>
    private static async Task<(WebApplication App, int Port)> DetectingServer(TimeSpan firstBytesTimeout)
    {
        ListenOptions? socket = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            var h2c = new PriorKnowledgeH2c { FirstBytesTimeout = firstBytesTimeout };
            h2c.ListenInternal(k);
            k.Listen(IPAddress.Loopback, 0, lo =>
            {
                h2c.Serve(lo);
                socket = lo;
            });
        });
        var app = builder.Build();
        app.Run(ctx => ctx.Response.WriteAsync(ctx.Request.Protocol));
        await app.StartAsync();
        return (app, socket!.IPEndPoint!.Port);
    }

    [Fact]
    public async Task Detect_SilentConnection_IsClosedAfterTheFirstBytesTimeout()
    {
        var (app, port) = await DetectingServer(TimeSpan.FromMilliseconds(200));
        await using var _ = app;
        using var silent = new TcpClient();
        await silent.ConnectAsync(IPAddress.Loopback, port);
        // The server aborts the connection: the read ends (closed or reset) instead of hanging.
        int read;
        try
        {
            read = await silent.GetStream().ReadAsync(new byte[16]).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (IOException e) when (e.InnerException is SocketException)
        {
            read = 0;
        }
        Assert.Equal(0, read);
    }

    [Fact]
    public async Task Detect_Http1InSeveralWrites_IsServedAsHttp1()
    {
        var (app, port) = await DetectingServer(TimeSpan.FromSeconds(5));
        await using var _ = app;
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        foreach (var part in new[] { "P", "UT / HTTP/1.1\r\n", "Host: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n" })
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(part));
            await stream.FlushAsync();
        }
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.StartsWith("HTTP/1.1 200", response);
    }

    [Fact]
    public async Task Kestrel_Http1AndHttp2OnCleartext_RefusesPriorKnowledge()
    {
        // Why the proxy detects the preface itself: Kestrel on .NET 10 answers it with HTTP_1_1_REQUIRED.
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync(ctx.Request.Protocol));
        using var client = RuntimeHarness.Client();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Get($"http://127.0.0.1:{backend.Port}/", HttpVersion.Version20)));
        Assert.Contains("HTTP_1_1_REQUIRED", error.ToString());
    }

    [Fact]
    public async Task Run_GatewayEcho_ServesHttp11AndH2cOnTheSamePort()
    {
        var snapshot = RuntimeHarness.Compile("gateway-echo");
        await using var backends = await DemoBackends.StartAsync(snapshot);
        await using var proxy = await RuntimeHarness.Start(backends.Redirect(snapshot));
        using var client = RuntimeHarness.Client();
        var url = $"http://127.0.0.1:{proxy.ListenerPorts[GatewayListener]}/echo";
        foreach (var version in new[] { HttpVersion.Version20, HttpVersion.Version11, HttpVersion.Version20 })
        {
            using var response = await client.SendAsync(Get(url, version));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(version, response.Version);
            var echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.StartsWith("echo-", echo.GetProperty("service").GetString());
        }
        using var notFound = await client.SendAsync(Get($"http://127.0.0.1:{proxy.ListenerPorts[GatewayListener]}/elsewhere", HttpVersion.Version20));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Theory]
    [InlineData(UpstreamProtocol.Http1, "2.0", "HTTP/1.1")]
    [InlineData(UpstreamProtocol.Http1, "1.1", "HTTP/1.1")]
    [InlineData(UpstreamProtocol.Http2, "1.1", "HTTP/2")]
    [InlineData(UpstreamProtocol.Downstream, "2.0", "HTTP/2")]
    [InlineData(UpstreamProtocol.Downstream, "1.1", "HTTP/1.1")]
    public async Task Run_UpstreamVersion_FollowsTheClustersProtocolOptions(UpstreamProtocol protocol, string downstream, string upstream)
    {
        var backendProtocols = upstream == "HTTP/2" ? HttpProtocols.Http2 : HttpProtocols.Http1;
        await using var backend = await TestBackend.StartAsync(ctx => ctx.Response.WriteAsync(ctx.Request.Protocol), backendProtocols);
        await using var proxy = await RuntimeHarness.Start(HandBuilt.Snapshot(AnyHostToUpstream, ("up", backend.Port, protocol)));
        using var client = RuntimeHarness.Client();
        using var response = await client.SendAsync(Get($"http://127.0.0.1:{proxy.ListenerPorts[HandBuilt.Listener]}/", Version.Parse(downstream)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(upstream, await response.Content.ReadAsStringAsync());
    }
}

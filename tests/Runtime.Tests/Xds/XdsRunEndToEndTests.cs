using System.Net;
using System.Text.Json;
using Meshc.Runtime.Cli;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;
using Meshc.Server.Cli;
using Meshc.Server.Hosting;

namespace Meshc.Runtime.Tests.Xds;

/// <summary>
/// The gateway scenario end to end through <c>meshc serve</c>: a proxy fed over ADS (<c>meshc run --xds</c>) answers
/// like the proxy that runs the compiled bundle, keeps serving while the server is down, and takes the new
/// configuration from the restarted server.
/// </summary>
public sealed class XdsRunEndToEndTests
{
    private const string GatewayListener = "default/cilium-gateway-my-example-gateway/listener";
    private readonly HttpClient _client = RuntimeHarness.Client();

    [Fact]
    public async Task XdsFedProxy_ServesTheBundlesTraffic_AndSurvivesAServerRestart()
    {
        var folder = Directory.CreateTempSubdirectory("meshc-xds-run-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RuntimeHarness.RepoRoot, "examples", "gateway-echo")))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var server = await Serve(folder, 0);
        var port = server.XdsPort;

        // The same inputs as a bundle folder, run the usual way.
        var bundleSnapshot = RuntimeHarness.Compile("gateway-echo");
        await using var bundleBackends = await DemoBackends.StartAsync(bundleSnapshot);
        await using var bundleProxy = await RuntimeHarness.Start(bundleBackends.Redirect(bundleSnapshot));

        var hostStarted = new TaskCompletionSource<ProxyHost>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shutdown = new TaskCompletionSource();
        var sink = new StringWriter();
        var log = TextWriter.Synchronized(sink);
        var run = XdsRun.Run(new RunArguments([], null, 0, null, DemoBackends: true),
            new XdsSource(new Uri($"http://127.0.0.1:{port}"), "proxy-1", "default/my-example-gateway"), log, log, shutdown.Task,
            async snapshot =>
            {
                var host = await RuntimeHarness.Start(snapshot);
                hostStarted.SetResult(host);
                return host;
            });
        try
        {
            var xdsProxy = await hostStarted.Task.WaitAsync(TimeSpan.FromSeconds(60));
            string Url(ProxyHost proxy, string path) => $"http://127.0.0.1:{proxy.ListenerPorts[GatewayListener]}{path}";

            foreach (var path in new[] { "/echo", "/echo/a?b=c", "/", "/echoes", "/other/echo" })
            {
                var (bundleStatus, bundleBody) = await Get(Url(bundleProxy, path));
                var (xdsStatus, xdsBody) = await Get(Url(xdsProxy, path));
                Assert.Equal(bundleStatus, xdsStatus);
                if (bundleStatus == HttpStatusCode.OK) Assert.Equal(EchoedPath(bundleBody), EchoedPath(xdsBody));
            }
            // 90/10 over 400 requests: mean 360, sd 6; ±4 sd.
            Assert.InRange(await Count(xdsProxy, Url(xdsProxy, "/echo"), "echo-1", 400), 336, 384);

            await server.DisposeAsync();
            // 90/10 over 200 requests: mean 180, sd 4.2; the lower bound is 4.7 sd away (a flake in about 1 in 10^6 runs).
            Assert.InRange(await Count(xdsProxy, Url(xdsProxy, "/echo"), "echo-1", 200), 160, 200);
            // While the server is away the route changes; the restarted server has the new one, and the proxy takes it.
            var route = System.IO.Path.Combine(folder, "03-route-90-10.yaml");
            File.WriteAllText(route, File.ReadAllText(route).Replace("weight: 90", "weight: 0", StringComparison.Ordinal));
            server = await Serve(folder, port);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (await Count(xdsProxy, Url(xdsProxy, "/echo"), "echo-2", 20) < 20)
            {
                Assert.True(DateTime.UtcNow < deadline, "the proxy did not take the restarted server's configuration:\n" + Text(sink));
                await Task.Delay(200);
            }
            Assert.Contains("still serving the last configuration", Text(sink), StringComparison.Ordinal);
        }
        finally
        {
            shutdown.SetResult();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
            await server.DisposeAsync();
            _client.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Text(StringWriter sink)
    {
        lock (sink) return sink.ToString();
    }

    private static async Task<MeshcServer> Serve(string folder, int port)
    {
        var (server, diagnostics) = await MeshcServer.StartAsync(new ServeArguments([folder], IPAddress.Loopback, port, null, Watch: false), _ => { }, _ => { });
        return server ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
    }

    private async Task<(HttpStatusCode, JsonElement?)> Get(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(body).RootElement.Clone() : null);
    }

    private static string? EchoedPath(JsonElement? echo) => echo?.GetProperty("path").GetString();

    private async Task<int> Count(ProxyHost proxy, string url, string service, int requests)
    {
        var count = 0;
        for (var i = 0; i < requests; i++)
        {
            var (status, body) = await Get(url);
            Assert.Equal(HttpStatusCode.OK, status);
            if (body!.Value.GetProperty("service").GetString() == service) count++;
        }
        return count;
    }
}

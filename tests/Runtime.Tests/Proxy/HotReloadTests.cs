using System.Net;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>Reloading a bundle folder: sound bundles swap in under load without losing a request, bad ones are refused.</summary>
public sealed class HotReloadTests : IDisposable
{
    private const string Listener = "default/cilium-gateway-my-example-gateway/listener";
    private static readonly string[] FiftyFifty = ["gateway-echo/00-cilium-gw.yaml", "gateway-echo/01-echo-workloads.yaml", "gateway-echo/02-gateway-and-route-50-50.yaml"];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-runtime-reload", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Reload_UnderSteadyLoad_SwapsGoodBundlesRefusesBadOnesAndLosesNoRequest()
    {
        var first = RuntimeHarness.CompileTo(_folder, FiftyFifty);
        await using var backends = await DemoBackends.StartAsync(first);
        await using var proxy = await RuntimeHarness.Start(backends.Redirect(first));
        using var reloader = new BundleReloader(_folder, proxy, backends.Redirect, _ => { });
        using var client = RuntimeHarness.Client();
        var url = $"http://127.0.0.1:{proxy.ListenerPorts[Listener]}/echo";

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var statuses = new List<HttpStatusCode>();
        var load = Task.Run(async () =>
        {
            for (var i = 0; i < 400 && !stop.IsCancellationRequested; i++)
            {
                using var response = await client.GetAsync(url);
                lock (statuses) statuses.Add(response.StatusCode);
            }
        });

        Assert.False(reloader.Reload()); // nothing changed

        File.WriteAllText(Path.Combine(_folder, "xds", "routes.json"), "{ not json");
        Assert.False(reloader.Reload());
        Assert.Equal(first.BundleId, proxy.Holder.Current.BundleId);
        Assert.Contains("routes.json", proxy.Holder.LastLoadError);

        var second = RuntimeHarness.CompileTo(_folder, "gateway-echo");
        Assert.NotEqual(first.BundleId, second.BundleId);
        // The folder watcher may have swapped it in already (a busy machine takes the settle time to compile).
        Assert.True(reloader.Reload() || proxy.Holder.Current.BundleId == second.BundleId);
        Assert.Equal(second.BundleId, proxy.Holder.Current.BundleId);
        Assert.Null(proxy.Holder.LastLoadError);

        await load;
        Assert.True(statuses.Count > 0);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Reload_WatchedFolder_PicksUpANewBundleByItself()
    {
        var first = RuntimeHarness.CompileTo(_folder, FiftyFifty);
        await using var proxy = await RuntimeHarness.Start(first);
        using var reloader = new BundleReloader(_folder, proxy, s => s, _ => { });
        var second = RuntimeHarness.CompileTo(_folder, "gateway-echo");
        for (var i = 0; i < 100 && proxy.Holder.Current.BundleId != second.BundleId; i++) await Task.Delay(100);
        Assert.Equal(second.BundleId, proxy.Holder.Current.BundleId);
    }
}

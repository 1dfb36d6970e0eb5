using System.Net;
using System.Text.Json;
using Meshc.Compiler.Bundle;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Hardening;

/// <summary>
/// A reload that fails for any reason keeps the old snapshot serving and says so: in the log, on /meshc/bundle and in
/// meshc.bundle.update_rejected. A malformed bundle.json arriving by hot reload once ended the proxy process.
/// </summary>
public sealed class ReloadHardeningTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-reload-hardening", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private const string ShortHashes = """{"formatVersion": 1, "id": "ab", "compiler": {"name": "meshc", "version": "x"}, "inputs": [], "artifacts": [{"path": "xds/listeners.json", "sha256": "ab", "size": 1}]}""";

    /// <summary>Manifests that are JSON but not sound: each once threw out of the loader.</summary>
    public static TheoryData<string> Malformed() => new()
    {
        ShortHashes,
        """{"formatVersion": "1"}""",
        """{"formatVersion": 1, "id": null, "compiler": 5, "artifacts": {}}""",
        "null",
        "",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedManifest_KeepsTheOldSnapshot_AndIsReportedEverywhere(string manifest)
    {
        var first = RuntimeHarness.CompileTo(_folder, "gateway-echo");
        await using var proxy = await RuntimeHarness.Start(first);
        var log = new List<string>();
        using var reloader = new BundleReloader(_folder, proxy, s => s, l => { lock (log) log.Add(l); });

        File.WriteAllText(Path.Combine(_folder, BundleManifest.FileName), manifest);

        Assert.False(reloader.Reload());
        Assert.Equal(first.BundleId, proxy.Holder.Current.BundleId);
        Assert.NotNull(proxy.Holder.LastLoadError);
        lock (log) Assert.Contains(log, l => l.StartsWith("reload refused, still serving bundle", StringComparison.Ordinal));
        // The folder watcher may have refused the same write too: at least this reload is counted.
        Assert.True(proxy.Stats.Get(SnapshotHolder.UpdateRejected) >= 1);

        using var client = RuntimeHarness.Client();
        using var admin = JsonDocument.Parse(await client.GetStringAsync($"http://127.0.0.1:{proxy.AdminPort}/meshc/bundle"));
        Assert.Equal(first.BundleId, admin.RootElement.GetProperty("bundle_id").GetString());
        Assert.Equal(proxy.Holder.LastLoadError, admin.RootElement.GetProperty("last_load_error").GetString());
        Assert.Equal(proxy.Stats.Get(SnapshotHolder.UpdateRejected), admin.RootElement.GetProperty("update_rejected").GetInt64());
    }

    [Fact]
    public async Task MalformedManifest_SeenByTheWatcher_LeavesTheProcessServing()
    {
        // The watcher's timer thread reloads: a fault there would end the process, which would end this test run.
        var first = RuntimeHarness.CompileTo(_folder, "gateway-echo");
        await using var proxy = await RuntimeHarness.Start(first);
        using var reloader = new BundleReloader(_folder, proxy, s => s, _ => { });
        File.WriteAllText(Path.Combine(_folder, BundleManifest.FileName), ShortHashes);

        for (var i = 0; i < 100 && proxy.Stats.Get(SnapshotHolder.UpdateRejected) == 0; i++) await Task.Delay(100);

        Assert.True(proxy.Stats.Get(SnapshotHolder.UpdateRejected) > 0);
        Assert.Equal(first.BundleId, proxy.Holder.Current.BundleId);
        using var client = RuntimeHarness.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{proxy.AdminPort}/ready")).StatusCode);
    }

    [Fact]
    public async Task AcceptedReload_ClearsTheError_AndCountsASuccess()
    {
        var first = RuntimeHarness.CompileTo(_folder, "gateway-echo/00-cilium-gw.yaml", "gateway-echo/01-echo-workloads.yaml", "gateway-echo/02-gateway-and-route-50-50.yaml");
        await using var proxy = await RuntimeHarness.Start(first);
        using var reloader = new BundleReloader(_folder, proxy, s => s, _ => { });
        File.WriteAllText(Path.Combine(_folder, BundleManifest.FileName), "{}");
        Assert.False(reloader.Reload());

        var second = RuntimeHarness.CompileTo(_folder, "gateway-echo");
        // The folder watcher may have reloaded it already; either way it is in place and the error is gone.
        Assert.True(reloader.Reload() || proxy.Holder.Current.BundleId == second.BundleId);

        Assert.Equal(second.BundleId, proxy.Holder.Current.BundleId);
        Assert.Null(proxy.Holder.LastLoadError);
        Assert.True(proxy.Stats.Get(SnapshotHolder.UpdateSuccess) >= 1);
        Assert.Equal(proxy.Stats.Get(SnapshotHolder.UpdateAttempt),
            proxy.Stats.Get(SnapshotHolder.UpdateSuccess) + proxy.Stats.Get(SnapshotHolder.UpdateRejected));
    }
}

using System.Net;
using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Hardening;

/// <summary>
/// Soak: a bundle that changes every 100 ms, reloaded under steady load, loses no request; malformed bundles fed
/// between the good ones are refused one by one while the good ones keep serving. Bounded in time and in requests.
/// Run alone (<see cref="SoakCollection"/>): their load would starve the timing-sensitive tests around them.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class ReloadSoakTests : IDisposable
{
    private const string Listener = "default/cilium-gateway-my-example-gateway/listener";
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);
    private const int Clients = 2;
    private const int MaxRequestsPerClient = 200_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "meshc-reload-soak", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Two bundles of the gateway-echo example that differ (50/50 and 90/10 splits): each write is a change.</summary>
    private static (CompiledBundle A, CompiledBundle B) TwoBundles()
    {
        CompiledBundle Compile(params string[] files)
        {
            var bag = new DiagnosticBag();
            var sources = SourceLoader.Load(files.Select(f => Path.Combine(RuntimeHarness.RepoRoot, "examples", "gateway-echo", f)), bag);
            return Compilation.Create(sources).Emit().Bundle!;
        }
        return (Compile("00-cilium-gw.yaml", "01-echo-workloads.yaml", "02-gateway-and-route-50-50.yaml"),
                Compile("00-cilium-gw.yaml", "01-echo-workloads.yaml", "02-gateway-and-route-50-50.yaml", "03-route-90-10.yaml"));
    }

    /// <summary>Clients sending GET /echo back to back until <paramref name="stop"/>; every answer that is not 200, and every failure, is kept.</summary>
    private static Task<(int Served, List<string> Lost)> Load(string url, CancellationToken stop) => Task.Run(async () =>
    {
        var served = 0;
        var lost = new List<string>();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            using var client = RuntimeHarness.Client();
            for (var i = 0; i < MaxRequestsPerClient && !stop.IsCancellationRequested; i++)
            {
                try
                {
                    using var response = await client.GetAsync(url, CancellationToken.None);
                    lock (lost)
                    {
                        if (response.StatusCode == HttpStatusCode.OK) served++;
                        else lost.Add($"{(int)response.StatusCode}");
                    }
                }
                catch (HttpRequestException e)
                {
                    lock (lost) lost.Add(e.Message);
                }
            }
        })));
        return (served, lost);
    });

    [Fact]
    public async Task ChangingBundle_ReloadedEvery100ms_For60s_UnderLoad_LosesNoRequest()
    {
        var (a, b) = TwoBundles();
        BundleWriter.Write(a, _folder);
        var (initial, error) = Model.VerifiedBundle.Load(_folder);
        Assert.True(initial is not null, error);
        await using var backends = await DemoBackends.StartAsync(initial!.Snapshot);
        await using var proxy = await RuntimeHarness.Start(backends.Redirect(initial!.Snapshot));
        using var reloader = new BundleReloader(_folder, proxy, backends.Redirect, _ => { });

        using var stop = new CancellationTokenSource();
        var load = Load($"http://127.0.0.1:{proxy.ListenerPorts[Listener]}/echo", stop.Token);
        var swaps = 0;
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        for (var i = 1; DateTime.UtcNow < until; i++)
        {
            BundleWriter.Write(i % 2 == 0 ? a : b, _folder);
            if (reloader.Reload()) swaps++;
            await Task.Delay(Period);
        }
        await stop.CancelAsync();
        var (served, lost) = await load;

        Assert.Empty(lost);
        Assert.True(served > 0);
        Assert.True(swaps > 10, $"only {swaps} reloads swapped a new bundle in");
    }

    /// <summary>Ways a bundle arrives broken: each is written over a good bundle, then reloaded.</summary>
    private static readonly Action<string>[] Breakages =
    [
        folder => File.WriteAllText(Path.Combine(folder, BundleManifest.FileName), "{ not json"),
        folder => File.WriteAllText(Path.Combine(folder, BundleManifest.FileName), """{"formatVersion": 1, "id": "ab", "artifacts": [{"path": "xds/listeners.json", "sha256": "ab", "size": 1}]}"""),
        folder => File.WriteAllText(Path.Combine(folder, BundleManifest.FileName), """{"formatVersion": 7}"""),
        folder => File.AppendAllText(Path.Combine(folder, "xds", "routes.json"), " "),
        folder => File.WriteAllText(Path.Combine(folder, "xds", "listeners.json"), "{}"),
        folder => File.Delete(Path.Combine(folder, "xds", "clusters.json")),
        folder => File.WriteAllText(Path.Combine(folder, BundleManifest.FileName),
            File.ReadAllText(Path.Combine(folder, BundleManifest.FileName)).Replace("\"xds/routes.json\"", "\"../../../../etc/passwd\"", StringComparison.Ordinal)),
    ];

    [Fact]
    public async Task MalformedBundles_BetweenGoodOnes_AreEachRefused_AndNoRequestIsLost()
    {
        var (a, b) = TwoBundles();
        BundleWriter.Write(a, _folder);
        var (initial, error) = Model.VerifiedBundle.Load(_folder);
        Assert.True(initial is not null, error);
        await using var backends = await DemoBackends.StartAsync(initial!.Snapshot);
        await using var proxy = await RuntimeHarness.Start(backends.Redirect(initial.Snapshot));
        using var reloader = new BundleReloader(_folder, proxy, backends.Redirect, _ => { });

        using var stop = new CancellationTokenSource();
        var load = Load($"http://127.0.0.1:{proxy.ListenerPorts[Listener]}/echo", stop.Token);
        var refused = 0;
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        for (var i = 0; DateTime.UtcNow < until; i++)
        {
            var good = i % 2 == 0 ? b : a;
            BundleWriter.Write(good, _folder);
            Assert.True(reloader.Reload() || proxy.Holder.Current.BundleId == good.Id);
            Breakages[i % Breakages.Length](_folder);
            if (!reloader.Reload()) refused++;
            Assert.Equal(good.Id, proxy.Holder.Current.BundleId);
            Assert.NotNull(proxy.Holder.LastLoadError);
            await Task.Delay(Period);
        }
        await stop.CancelAsync();
        var (served, lost) = await load;

        Assert.Empty(lost);
        Assert.True(served > 0);
        Assert.True(refused >= Breakages.Length, $"only {refused} malformed bundles were tried");
        Assert.True(proxy.Stats.Get(SnapshotHolder.UpdateRejected) >= refused);
    }
}

/// <summary>Tests that load the machine for a minute: xunit runs this collection after the others, on its own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "soak";
}

using Envoy.Config.Core.V3;
using Meshc.Compiler.Cli;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Meshc.Runtime.Xds;

namespace Meshc.Runtime.Cli;

/// <summary>
/// <c>meshc run --xds HOST:PORT --node NAME</c>: the proxy's configuration comes over ADS instead of from a bundle
/// folder. It starts serving once the first complete configuration has arrived; every later one is built into a
/// snapshot by the same code a bundle folder goes through and swapped in the same way, and one that cannot be built is
/// NACKed while the current one keeps serving — also while the server is away.
/// </summary>
public static class XdsRun
{
    /// <summary>Runs until SIGINT or SIGTERM.</summary>
    public static Task<int> Run(RunArguments parsed, XdsSource source, TextWriter stdout, TextWriter stderr) =>
        Run(parsed, source, stdout, stderr, RunCommand.WaitForShutdown(), snapshot => RunCommand.StartHost(snapshot, parsed, stderr));

    /// <summary>Runs until <paramref name="shutdown"/> completes, starting the listeners with <paramref name="start"/>.</summary>
    internal static async Task<int> Run(RunArguments parsed, XdsSource source, TextWriter stdout, TextWriter stderr, Task shutdown,
        Func<RuntimeSnapshot, Task<ProxyHost?>> start)
    {
        var gate = new Lock();
        void Log(string line)
        {
            lock (gate) stdout.WriteLine(line);
        }
        var origin = $"xds://{source.Server.Authority}/{source.NodeId}";
        var first = new TaskCompletionSource<(LoadedBundle, RuntimeSnapshot)>(TaskCreationOptions.RunContinuationsAsynchronously);
        ProxyHost? host = null;
        (LoadedBundle Bundle, RuntimeSnapshot Snapshot)? latest = null;
        Func<RuntimeSnapshot, RuntimeSnapshot> adjust = s => s;

        void Serve((LoadedBundle Bundle, RuntimeSnapshot Snapshot) next)
        {
            var changes = SnapshotSwap.Apply(host!, next.Bundle, next.Snapshot, adjust);
            host!.Holder.RecordLoad(null);
            Log($"xds: serving configuration {next.Snapshot.BundleId[..12]}");
            foreach (var line in changes) Log(line);
            foreach (var line in next.Snapshot.ListenerErrorLines) Log($"xds: {line}");
        }

        string? Apply(XdsResources resources)
        {
            // The same verification and snapshot build as a bundle folder at start-up and on every reload. Key material
            // is never served over ADS: the secrets the listeners and clusters name come from --secrets, read again
            // with every configuration so a renewed certificate is taken up by the next one.
            var secrets = SecretStore.Read(parsed.Secrets);
            foreach (var secretError in secrets.Errors) Log($"xds: secrets: {secretError}");
            var (verified, error) = VerifiedBundle.FromFiles(origin, AdsBundle.Files(resources), secrets);
            lock (gate)
            {
                if (verified is null)
                {
                    host?.Holder.RecordLoad(error);
                    return error;
                }
                var (bundle, snapshot) = (verified.Bundle, verified.Snapshot);
                latest = (bundle, snapshot);
                if (host is null) first.TrySetResult((bundle, snapshot));
                else Serve((bundle, snapshot));
                return null;
            }
        }

        var node = new Node { Id = source.NodeId, Cluster = source.NodeCluster, UserAgentName = "meshc" };
        await using var client = new AdsClient(source.Server, node, Apply, Log);
        client.Start();
        Log($"xds: node '{source.NodeId}' (cluster '{source.NodeCluster}') waiting for its configuration from {source.Server.Authority}");
        if (await Task.WhenAny(first.Task, shutdown) == shutdown) return ExitCodes.Ok;
        var (bundle, snapshot) = await first.Task;

        await using var backends = parsed.DemoBackends ? await DemoBackends.StartAsync(snapshot) : null;
        if (backends is not null)
        {
            adjust = backends.Redirect;
            foreach (var (service, port) in backends.Ports) Log($"demo backend {service} on http://127.0.0.1:{port}");
        }
        if (await start(adjust(snapshot)) is not { } started) return ExitCodes.UsageOrIo;
        await using (started)
        {
            lock (gate)
            {
                host = started;
                Log($"xds configuration {snapshot.BundleId[..12]}");
                foreach (var line in started.Holder.Policy.Load(bundle, snapshot, parsed.Bpffs)) Log(line);
                foreach (var line in RunCommand.SocketLines(started.Sockets)) Log(line);
                foreach (var line in snapshot.ListenerErrorLines) stderr.WriteLine($"meshc run: {line}");
                if (started.AdminPort is { } admin)
                    Log($"admin on http://{ListenerSocket.FormatHost(parsed.Bind ?? System.Net.IPAddress.Loopback)}:{admin}");
                // A configuration that arrived while the listeners were starting is served now.
                if (latest is { } newer && !ReferenceEquals(newer.Snapshot, snapshot)) Serve(newer);
            }
            await shutdown;
        }
        return ExitCodes.Ok;
    }
}

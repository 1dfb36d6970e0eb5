using System.Collections.Immutable;
using Meshc.Compiler.Diagnostics;
using Meshc.Server.Admin;
using Meshc.Server.Cli;
using Meshc.Server.Protocol;
using Meshc.Server.Resources;
using Meshc.Server.Snapshots;
using Meshc.Server.Sources;

namespace Meshc.Server.Hosting;

/// <summary>
/// <c>meshc serve</c> put together: the first compilation, the snapshot cache, the ADS and admin ports, and the
/// watcher that recompiles on a change. Starting fails (null, with the diagnostics) when the first compilation yields
/// nothing to serve: proxies keep their configuration while no server answers, but an empty snapshot would remove it.
/// </summary>
public sealed class MeshcServer : IAsyncDisposable
{
    private readonly ServerHost _host;
    private readonly InputWatcher? _watcher;
    private readonly Action<CompileStatus> _recompiled;

    private MeshcServer(ServerHost host, StreamContext context, Recompiler recompiler, IReadOnlyList<string> inputs, bool watch, Action<CompileStatus> recompiled)
    {
        _host = host;
        Context = context;
        Recompiler = recompiler;
        _recompiled = recompiled;
        if (watch) _watcher = new InputWatcher(inputs, () => Task.Run(Recompile));
    }

    public StreamContext Context { get; }

    public Recompiler Recompiler { get; }

    public SnapshotCache Cache => Context.Cache;

    public int XdsPort => _host.XdsPort;

    public int? AdminPort => _host.AdminPort;

    /// <summary>Starts serving, or returns the diagnostics of a first compilation that produced nothing.</summary>
    public static async Task<(MeshcServer? Server, ImmutableArray<Diagnostic> Diagnostics)> StartAsync(ServeArguments args,
        Action<string> log, Action<CompileStatus> recompiled)
    {
        var metrics = new XdsMetrics();
        var recompiler = new Recompiler(args.Inputs, args.Compilation, metrics);
        var cache = new SnapshotCache(ResourceSet.Empty);
        var (status, diagnostics) = recompiler.CompileAndPublishWithDiagnostics(cache);
        if (!status.Served) return (null, diagnostics);
        var context = new StreamContext(cache, new NodeRegistry(), metrics, log);
        var host = await ServerHost.StartAsync(args.Bind, args.XdsPort, args.AdminPort, context, () => recompiler.Last);
        return (new MeshcServer(host, context, recompiler, args.Inputs, args.Watch, recompiled), diagnostics);
    }

    /// <summary>Compiles the inputs again now and publishes the result (what a file change or SIGHUP does).</summary>
    public CompileStatus Recompile()
    {
        var status = Recompiler.CompileAndPublish(Cache);
        _recompiled(status);
        return status;
    }

    /// <summary>Asks the watcher for a recompilation (SIGHUP).</summary>
    public void Trigger() => _watcher?.Trigger();

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        await _host.DisposeAsync();
    }
}

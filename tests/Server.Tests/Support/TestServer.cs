using System.Net;
using Meshc.Server.Cli;
using Meshc.Server.Hosting;
using Meshc.Server.Sources;

namespace Meshc.Server.Tests.Support;

/// <summary>
/// <c>meshc serve</c> in-process on free loopback ports, over a private copy of some inputs the test may edit.
/// Recompilations are counted so a test can wait for one instead of sleeping.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly List<string> _log = [];
    private int _recompiles;

    private TestServer(string folder) => Folder = folder;

    public string Folder { get; }

    public MeshcServer Server { get; private set; } = null!;

    public string XdsAddress => $"http://127.0.0.1:{Server.XdsPort}";

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log) return [.. _log];
        }
    }

    /// <summary>How many recompilations (after the first) have finished.</summary>
    public int Recompiles => Volatile.Read(ref _recompiles);

    /// <summary>Copies <paramref name="files"/> (name → YAML) into a new folder and serves it.</summary>
    public static async Task<TestServer> StartAsync(IReadOnlyDictionary<string, string> files, bool watch = true)
    {
        var folder = Directory.CreateTempSubdirectory("meshc-serve-test-").FullName;
        foreach (var (name, text) in files) await File.WriteAllTextAsync(Path.Combine(folder, name), text);
        var server = new TestServer(folder);
        var args = new ServeArguments([folder], IPAddress.Loopback, 0, 0, watch);
        var (started, diagnostics) = await MeshcServer.StartAsync(args, server.Add, server.Recompiled);
        if (started is null) throw new InvalidOperationException("the inputs do not compile: " + string.Join("\n", diagnostics));
        server.Server = started;
        return server;
    }

    /// <summary>Copies the example folder <paramref name="example"/> (under examples/) and serves it.</summary>
    public static Task<TestServer> StartExampleAsync(string example, bool watch = true) =>
        StartAsync(Directory.GetFiles(Path.Combine(Repository.Root, "examples", example)).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f)), watch);

    private void Add(string line)
    {
        lock (_log) _log.Add(line);
    }

    private void Recompiled(CompileStatus status)
    {
        Add($"recompiled: served={status.Served} bundle={status.ServedBundleId}");
        Interlocked.Increment(ref _recompiles);
    }

    /// <summary>Rewrites one input file and waits (bounded) until the watcher has recompiled after the write.</summary>
    public async Task EditAsync(string file, Func<string, string> edit, TimeSpan? timeout = null)
    {
        var before = Recompiles;
        var path = Path.Combine(Folder, file);
        var text = edit(await File.ReadAllTextAsync(path));
        await File.WriteAllTextAsync(path, text);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Recompiles == before)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no recompilation after editing {file}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

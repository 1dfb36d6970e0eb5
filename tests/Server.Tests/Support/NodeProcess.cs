using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Meshc.Server.Tests.Support;

/// <summary>
/// A node script from tests/Server.Tests/Interop, run with the repository's node_modules; each stdout line is a JSON
/// event. Closing stdin asks the script to finish; disposing kills it if it has not.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly List<string> _stderr = [];

    /// <summary>Why node-based tests cannot run here, or null.</summary>
    public static string? Missing { get; } = FindMissing();

    private NodeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) _events.Writer.TryComplete();
            else if (e.Data.StartsWith('{')) _events.Writer.TryWrite(JsonDocument.Parse(e.Data).RootElement.Clone());
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (_stderr) _stderr.Add(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stderr
    {
        get
        {
            lock (_stderr) return string.Join("\n", _stderr);
        }
    }

    public static NodeProcess Start(string script, params string[] args) => Start(script, new Dictionary<string, string>(), args);

    public static NodeProcess Start(string script, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "tests", "Server.Tests", "Interop", script));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new NodeProcess(Process.Start(start)!);
    }

    /// <summary>The next event matching <paramref name="match"/> (others are skipped); fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> Expect(Func<JsonElement, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(cancel.Token);
                if (e.GetProperty("event").GetString() == "error") throw new InvalidOperationException("node client failed: " + e);
                if (match(e)) return e;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            throw new TimeoutException($"expected event did not come; node stderr:\n{Stderr}", e);
        }
    }

    /// <summary>Closes stdin, so the script ends its stream and exits.</summary>
    public void Finish() => _process.StandardInput.Close();

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (InvalidOperationException)
        {
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private static string? FindMissing()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "node"))))
            return "node is not on PATH: the xDS interop tests need Node.js";
        foreach (var package in new[] { "@grpc/grpc-js", "@grpc/proto-loader", "@grpc/grpc-js-xds" })
            if (!Directory.Exists(Path.Combine(Repository.Root, "node_modules", package)))
                return $"node_modules/{package} is missing (npm ci restores it)";
        return null;
    }
}

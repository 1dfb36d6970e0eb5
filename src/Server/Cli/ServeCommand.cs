using System.Runtime.InteropServices;
using Meshc.Compiler.Cli;
using Meshc.Server.Hosting;
using Meshc.Server.Resources;
using Meshc.Server.Sources;

namespace Meshc.Server.Cli;

/// <summary>
/// <c>meshc serve</c>: compiles the inputs, serves them over ADS to Envoys and meshc proxies, recompiles when an input
/// changes (or on SIGHUP) and pushes to the nodes whose resources changed, until interrupted.
/// </summary>
public static class ServeCommand
{
    public static async Task<int> Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (parsed, usageError) = ServeArguments.Parse(args);
        if (parsed is null)
        {
            stderr.WriteLine($"meshc serve: {usageError}\n{ServeArguments.Usage}");
            return ExitCodes.UsageOrIo;
        }
        if (parsed.Inputs.FirstOrDefault(i => !File.Exists(i) && !Directory.Exists(i)) is { } missing)
        {
            stderr.WriteLine($"meshc serve: {missing}: no such file or folder");
            return ExitCodes.UsageOrIo;
        }
        var gate = new Lock();
        void Out(string line)
        {
            lock (gate) stdout.WriteLine(line);
        }
        MeshcServer? server;
        try
        {
            (server, var diagnostics) = await MeshcServer.StartAsync(parsed, Out, status => Report(status, Out, stderr, gate));
            lock (gate) DiagnosticPrinter.Print(diagnostics, stderr, verbose: false);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"meshc serve: cannot listen: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        if (server is null)
        {
            stderr.WriteLine("meshc serve: nothing to serve: the inputs have errors");
            return ExitCodes.InputErrors;
        }
        await using (server)
        {
            var set = server.Cache.Current;
            Out($"xds (ADS, state of the world and delta) on {Host(parsed)}:{server.XdsPort}");
            if (server.AdminPort is { } admin) Out($"admin on http://{Host(parsed)}:{admin}");
            Out($"serving bundle {Short(set.BundleId)}: {Counts(set)}");
            if (parsed.Watch) Out($"watching {string.Join(", ", parsed.Inputs)}");
            using var sighup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, c =>
            {
                c.Cancel = true;
                server.Trigger();
            });
            await WaitForShutdown();
        }
        return ExitCodes.Ok;
    }

    private static void Report(CompileStatus status, Action<string> log, TextWriter stderr, Lock gate)
    {
        lock (gate)
        {
            foreach (var line in status.Diagnostics) stderr.WriteLine(line);
        }
        var took = $"{status.Milliseconds:0} ms";
        log(status.Served
            ? $"recompiled in {took}: serving bundle {Short(status.ServedBundleId)} ({status.Errors} errors, {status.Warnings} warnings); {status.NotifiedStreams} streams had changes"
            : $"recompile failed in {took} ({status.Errors} errors): still serving bundle {Short(status.ServedBundleId)}");
    }

    private static string Counts(ResourceSet set) =>
        string.Join(", ", ResourceTypes.Served.Select(t => $"{set.Of(t).Count} {ResourceTypes.ShortName(t)}"))
        + (set.ApiListeners.Count > 0 ? $"; {set.ApiListeners.Count} of the lds and rds are for proxyless gRPC" : "");

    private static string Short(string id) => id[..Math.Min(12, id.Length)];

    private static string Host(ServeArguments args) =>
        args.Bind.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{args.Bind}]" : args.Bind.ToString();

    private static async Task WaitForShutdown()
    {
        var stop = new TaskCompletionSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        await stop.Task;
    }
}

using System.Net;
using System.Runtime.InteropServices;
using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Cli;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.Runtime.Admin;
using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Cli;

/// <summary>
/// <c>meshc run</c>: loads a bundle folder (or compiles inputs into one first), starts the listeners, optionally demo
/// backends and the admin port, prints what serves where, reloads a watched bundle folder, and runs until interrupted.
/// </summary>
public static class RunCommand
{
    public static async Task<int> Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (RunArguments.AsksForHelp(args))
        {
            stdout.WriteLine(RunArguments.Help);
            return ExitCodes.Ok;
        }
        var (parsed, usageError) = RunArguments.Parse(args);
        if (parsed is null)
        {
            stderr.WriteLine($"meshc run: {usageError}\n{RunArguments.Usage}");
            return ExitCodes.UsageOrIo;
        }
        if (parsed.Xds is { } xds) return await XdsRun.Run(parsed, xds, stdout, stderr);
        var folder = BundleFolder(parsed.Inputs, parsed.Compilation, stderr, out var exit);
        if (folder is null) return exit;
        // Key material never enters the bundle: it comes from the inputs compiled here and from --secrets.
        var compiled = folder != parsed.Inputs[0] || parsed.Inputs.Count > 1;
        var secretPaths = (compiled ? parsed.Inputs : []).Concat(parsed.Secrets).ToList();
        SecretStore ReadSecrets() => SecretStore.Read(secretPaths);
        var secrets = ReadSecrets();
        foreach (var secretError in secrets.Errors) stderr.WriteLine($"meshc run: secrets: {secretError}");
        // The same load and checks as every reload (BundleReloader).
        var (verified, error) = VerifiedBundle.Load(folder, secrets);
        if (verified is null)
        {
            stderr.WriteLine($"meshc run: {error}");
            return ExitCodes.UsageOrIo;
        }
        var snapshot = verified.Snapshot;
        await using var backends = parsed.DemoBackends ? await DemoBackends.StartAsync(snapshot) : null;
        if (backends is not null)
        {
            snapshot = backends.Redirect(snapshot);
            foreach (var (service, port) in backends.Ports) stdout.WriteLine($"demo backend {service} on http://127.0.0.1:{port}");
        }
        if (await StartHost(snapshot, parsed, stderr) is not { } host) return ExitCodes.UsageOrIo;
        // Only a bundle folder given as it is is watched; compiled inputs live in a temporary folder nobody edits.
        var adjust = backends is null ? (Func<RuntimeSnapshot, RuntimeSnapshot>)(s => s) : backends.Redirect;
        using var reloader = folder == parsed.Inputs[0] ? new BundleReloader(folder, host, adjust, m => stdout.WriteLine(m), ReadSecrets) : null;
        await using (host)
        {
            stdout.WriteLine($"bundle {snapshot.BundleId[..12]}");
            foreach (var line in host.Holder.Policy.Load(verified.Bundle, snapshot, parsed.Bpffs)) stdout.WriteLine(line);
            foreach (var line in SocketLines(host.Sockets)) stdout.WriteLine(line);
            foreach (var line in StartupNotes.Lines(verified.Bundle.Status(), host.Sockets)) stdout.WriteLine(line);
            foreach (var line in snapshot.ListenerErrorLines) stderr.WriteLine($"meshc run: {line}");
            if (host.AdminPort is { } admin) stdout.WriteLine($"admin on http://{ListenerSocket.FormatHost(parsed.Bind ?? IPAddress.Loopback)}:{admin}");
            await WaitForShutdown();
        }
        return ExitCodes.Ok;
    }

    /// <summary>Starts the listeners (and admin port) for <paramref name="snapshot"/>, or says why it cannot and returns null.</summary>
    internal static async Task<ProxyHost?> StartHost(RuntimeSnapshot snapshot, RunArguments parsed, TextWriter stderr)
    {
        // Without --bind, Gateways and claimed Services listen on their own addresses (see docs/runtime.md).
        var options = new ProxyOptions(parsed.Bind ?? IPAddress.Loopback, parsed.PortOffset, parsed.AdminPort)
        {
            UseBindings = parsed.Bind is null,
            HoldUntilPolicyLoaded = true,
            Admin = AdminApi.Serve,
        };
        if (SocketPlan.Problem(snapshot, options) is { } problem)
        {
            stderr.WriteLine($"meshc run: {problem}\n{RunArguments.Usage}");
            return null;
        }
        try
        {
            return await ProxyHost.StartAsync(snapshot, options);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            // Permission denied (a port below 1024 without root) and a missing address come as SocketException.
            stderr.WriteLine($"meshc run: cannot listen: {e.Message} (try --port-offset; for an address this host does not have, --bind or --lb-pool)");
            return null;
        }
    }

    /// <summary>One line per socket (<see cref="ListenerSocket.Line"/>), sorted so the output is stable.</summary>
    public static IEnumerable<string> SocketLines(IEnumerable<ListenerSocket> sockets) =>
        sockets.Select(s => s.Line()).Order(StringComparer.Ordinal);

    /// <summary>A single folder with bundle.json is served as it is; anything else is compiled into a temporary bundle.</summary>
    private static string? BundleFolder(IReadOnlyList<string> inputs, CompilationOptions options, TextWriter stderr, out int exit)
    {
        exit = ExitCodes.Ok;
        if (inputs.Count == 1 && File.Exists(Path.Combine(inputs[0], BundleManifest.FileName))) return inputs[0];
        var diagnostics = new DiagnosticBag();
        var sources = SourceLoader.Load(inputs, diagnostics);
        if (diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(diagnostics.ToImmutableSorted(), stderr, verbose: false);
            exit = ExitCodes.UsageOrIo;
            return null;
        }
        // The BPF target too, so the runtime has the policy to enforce (docs/bpf.md). Fallback errors leave a bundle:
        // it is served as Cilium would program the input, and the start-up lines say what was left out.
        var result = Compilation.Create(sources, options).Emit(EmitTargets.Default | EmitTargets.Bpf);
        DiagnosticPrinter.Print(result.Diagnostics, stderr, verbose: false);
        if (result.Bundle is null)
        {
            exit = ExitCodes.InputErrors;
            return null;
        }
        var folder = Path.Combine(Path.GetTempPath(), "meshc-run", result.Bundle.Id[..16]);
        BundleWriter.Write(result.Bundle, folder);
        return folder;
    }

    internal static async Task WaitForShutdown()
    {
        var stop = new TaskCompletionSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        await stop.Task;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Meshc.Runtime.Tests.Documentation;

/// <summary>
/// A scratch folder where a document's commands run as a reader would type them: <c>./meshc</c> is a script that
/// starts the compiler and runtime this build made (never a rebuild), <c>examples/</c> is the repository's. Commands
/// run in bash with stderr merged into stdout, as a terminal shows them. <c>meshc run</c> is started in the background
/// and counts as serving once it prints its admin address, until the document ends; its ports are moved by a random
/// amount, consistently in the commands after it, so runs on one machine do not collide.
/// </summary>
internal sealed partial class DocShell : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private readonly string _dir = Directory.CreateTempSubdirectory("meshc-docs-").FullName;
    private readonly List<Process> _servers = [];
    private readonly int _shift = Random.Shared.Next(1, 40) * 1000 + 10 * Random.Shared.Next(0, 100);
    private int? _portBase;
    private readonly HashSet<int> _adminPorts = [];

    public DocShell(string repoRoot)
    {
        File.CreateSymbolicLink(Path.Combine(_dir, "examples"), Path.Combine(repoRoot, "examples"));
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/<tfm>
        var compiler = Path.Combine(repoRoot, "src", "Compiler", "bin", configuration, "net10.0", "meshc.dll");
        var runtime = Path.Combine(repoRoot, "src", "Runtime", "bin", configuration, "net10.0", "Meshc.Runtime.dll");
        var server = Path.Combine(repoRoot, "src", "Server", "bin", configuration, "net10.0", "Meshc.Server.dll");
        var launcher = Path.Combine(_dir, "meshc");
        File.WriteAllText(launcher, $$"""
            #!/usr/bin/env bash
            if [[ "${1:-}" == run || "${1:-}" == test ]]; then exec dotnet '{{runtime}}' "$@"; fi
            if [[ "${1:-}" == serve ]]; then exec dotnet '{{server}}' "$@"; fi
            exec dotnet '{{compiler}}' "$@"

            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Folder => _dir;

    public void WriteFile(string name, IEnumerable<string> lines) =>
        File.WriteAllText(Path.Combine(_dir, name), string.Join("\n", lines) + "\n");

    /// <summary>Moves the ports of <c>--port-offset</c>, <c>--admin-port</c> and of addresses at or above the offset.</summary>
    public string Shift(string command)
    {
        if (PortOffset().Match(command) is { Success: true } offset)
            _portBase ??= int.Parse(offset.Groups[2].Value, CultureInfo.InvariantCulture);
        foreach (Match admin in AdminPort().Matches(command)) _adminPorts.Add(int.Parse(admin.Groups[2].Value, CultureInfo.InvariantCulture));
        if (_portBase is null && _adminPorts.Count == 0) return command;
        command = PortOffset().Replace(command, m => $"{m.Groups[1].Value}{Moved(m.Groups[2].Value)}");
        command = AdminPort().Replace(command, m => $"{m.Groups[1].Value}{Moved(m.Groups[2].Value)}");
        return AddressPort().Replace(command, m =>
        {
            var port = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return port >= (_portBase ?? int.MaxValue) || _adminPorts.Contains(port) ? ":" + Moved(m.Groups[1].Value) : m.Value;
        });
    }

    public async Task<(int Exit, string Output)> Run(string command)
    {
        using var process = Start($"{{ {command}\n}} 2>&1");
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"(no exit after {CommandTimeout.TotalMinutes} minutes)\n" + await output);
        }
        return (process.ExitCode, await output);
    }

    /// <summary>Starts <c>meshc run</c>; returns what it printed once it serves (its admin line), or throws with its output.</summary>
    public async Task<string> Serve(string command)
    {
        // The shell must become the server (exec), so that the process stopped at the end is the server itself: a
        // trailing '&', even before a '# comment', would fork it into the background and leave it running.
        var process = Start($"exec 2>&1; exec {Foreground(command)}");
        _servers.Add(process);
        var printed = new StringBuilder();
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"'{command}' did not serve within {StartTimeout.TotalMinutes} minutes:\n{printed}");
            }
            if (line is null) throw new InvalidOperationException($"'{command}' ended before it served:\n{printed}");
            printed.Append(line).Append('\n');
            if (!line.StartsWith("admin on http://", StringComparison.Ordinal)) continue;
            if (process.HasExited)
                throw new InvalidOperationException($"'{command}' serves, but not as the process the test started (it would outlive the test):\n{printed}");
            return printed.ToString();
        }
    }

    public async Task StopServers()
    {
        foreach (var server in _servers)
        {
            if (!server.HasExited)
            {
                // SIGTERM first, so the runtime removes what it made (pins, temporary bundle); then make sure.
                using (var term = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try
                {
                    await server.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    server.Kill(entireProcessTree: true);
                }
            }
            server.Dispose();
        }
        _servers.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopServers();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The command without its trailing <c># comment</c> and <c>&amp;</c>.</summary>
    internal static string Foreground(string command) => TrailingComment().Replace(command, "").TrimEnd().TrimEnd('&').TrimEnd();

    [GeneratedRegex(@"\s+#[^'""]*$")]
    private static partial Regex TrailingComment();

    private Process Start(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            WorkingDirectory = _dir,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    private string Moved(string port) => (int.Parse(port, CultureInfo.InvariantCulture) + _shift).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(--port-offset\s+)(\d+)")]
    private static partial Regex PortOffset();

    [GeneratedRegex(@"(--admin-port\s+)(\d+)")]
    private static partial Regex AdminPort();

    [GeneratedRegex(@"(?<=[0-9a-z\]]):(\d{2,5})\b")]
    private static partial Regex AddressPort();
}

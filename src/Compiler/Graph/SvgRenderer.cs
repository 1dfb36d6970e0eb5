using System.Diagnostics;
using System.Text;

namespace Meshc.Compiler.Graph;

/// <summary>
/// Renders DOT as SVG with Graphviz's <c>dot -Tsvg</c> (Debian's graphviz package), fed on stdin. meshc lays out no
/// graph itself: when <c>dot</c> is not on PATH the caller says to install it.
/// </summary>
public static class SvgRenderer
{
    /// <summary>The longest a layout may take; a bundle's graph takes well under a second.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The full path of Graphviz's <c>dot</c> on PATH, or null when it is not installed.</summary>
    public static string? FindDot() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "dot"))
            .FirstOrDefault(File.Exists);

    /// <summary>The SVG <paramref name="dotExecutable"/> makes of <paramref name="dot"/>, or why it made none.</summary>
    public static (string? Svg, string? Error) Render(string dotExecutable, string dot)
    {
        var start = new ProcessStartInfo(dotExecutable, "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new IOException($"could not start {dotExecutable}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(dot);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            return (null, $"dot took longer than {Timeout.TotalSeconds:0} seconds");
        }
        var svg = output.GetAwaiter().GetResult();
        var stderr = errors.GetAwaiter().GetResult().Trim();
        return process.ExitCode == 0 ? (svg, null) : (null, $"dot failed (exit {process.ExitCode}): {stderr}");
    }
}

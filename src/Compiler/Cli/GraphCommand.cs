using System.CommandLine;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Graph;

namespace Meshc.Compiler.Cli;

/// <summary>
/// <c>meshc graph</c>: draws a bundle (or inputs, compiled first) as its Gateway → listener → route → Service → endpoint
/// graph (<see cref="BundleGraphBuilder"/>), written as Graphviz DOT or, through Graphviz's <c>dot</c>, as SVG. The
/// format is <c>--format</c>, else the extension of <c>-o</c>, else DOT. Exit 0 when written, 1 when the inputs have
/// blocking errors, 2 on a usage or I/O problem (SVG without Graphviz installed is one).
/// </summary>
public static class GraphCommand
{
    /// <summary>Reads the bundle the arguments name (compiling inputs first), or returns an exit code when there is none.</summary>
    public delegate (IReadOnlyCollection<string>? Paths, Func<string, string>? ReadText, int Exit) BundleSource(string[] inputs);

    public static Command Create(BundleSource source, TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "a bundle folder, or YAML/DSL files or folders" }.RejectingOptions();
        var output = new Option<string>("--output", "-o") { Description = "the file to write (.dot or .svg); - or none: stdout" };
        var format = new Option<string>("--format") { Description = "dot or svg (SVG runs Graphviz's dot); default: from the -o extension, else dot" };
        format.AcceptOnlyFromAmong("dot", "svg");
        var graph = new Command("graph", "draw a bundle's Gateway → listener → route → Service → endpoint graph as Graphviz DOT or SVG") { inputs, output, format };
        graph.SetAction(r => Run(r.GetValue(inputs)!, r.GetValue(output), r.GetValue(format), source, stdout, stderr));
        return graph;
    }

    private static int Run(string[] inputs, string? output, string? format, BundleSource source, TextWriter stdout, TextWriter stderr)
    {
        var svg = (format ?? (output?.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) == true ? "svg" : "dot")) == "svg";
        // Checked before compiling: a missing Graphviz is a setup problem, found in a moment.
        var dotExecutable = svg ? SvgRenderer.FindDot() : null;
        if (svg && dotExecutable is null)
        {
            stderr.WriteLine("meshc: SVG output needs Graphviz's 'dot', which is not on PATH; install graphviz (Debian: apt-get install graphviz) or write DOT with --format dot");
            return ExitCodes.UsageOrIo;
        }
        var (paths, readText, exit) = source(inputs);
        if (paths is null || readText is null) return exit;
        string text;
        try
        {
            text = DotWriter.Write(BundleGraphBuilder.Build(paths, readText));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or YamlDotNet.Core.YamlException)
        {
            stderr.WriteLine($"meshc: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        if (dotExecutable is not null)
        {
            var (rendered, error) = SvgRenderer.Render(dotExecutable, text);
            if (rendered is null)
            {
                stderr.WriteLine($"meshc: {error}");
                return ExitCodes.UsageOrIo;
            }
            text = rendered;
        }
        if (output is null or "-")
        {
            stdout.Write(text);
            return exit;
        }
        try
        {
            File.WriteAllText(output, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"meshc: cannot write {output}: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        stderr.WriteLine($"wrote {(svg ? "SVG" : "DOT")} graph to {output}");
        return exit;
    }

    /// <summary>
    /// The files of the bundle folder <paramref name="folder"/> as its manifest lists them, read on demand; a file over
    /// the size the manifest gives is refused, as the runtime refuses it.
    /// </summary>
    /// <exception cref="IOException">The folder is not a bundle, or its manifest is not sound.</exception>
    public static (IReadOnlyCollection<string> Paths, Func<string, string> ReadText) ReadFolder(string folder)
    {
        var manifestPath = Path.Combine(folder, BundleManifest.FileName);
        if (!File.Exists(manifestPath)) throw new IOException($"'{folder}' is not a bundle folder (it has no {BundleManifest.FileName})");
        var (manifest, error) = BundleManifest.Parse(File.ReadAllBytes(manifestPath));
        if (manifest is null) throw new IOException($"{folder}: {error}");
        var sizes = manifest.Artifacts.ToDictionary(a => a.Path, a => a.Size, StringComparer.Ordinal);
        return (sizes.Keys, path =>
        {
            var file = new FileInfo(Path.Combine(folder, path));
            if (file.Length != sizes[path]) throw new IOException($"{path} is {file.Length} bytes; {BundleManifest.FileName} says {sizes[path]}");
            return File.ReadAllText(file.FullName);
        });
    }
}

using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds;

/// <summary>
/// Turns command-line inputs (files and folders) into sources. A folder contributes its .yaml, .yml and .dsl files,
/// recursively, in ordinal path order so the result never depends on the file system's listing order.
/// </summary>
public static class SourceLoader
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".dsl"];

    public static IReadOnlyList<SourceText> Load(IEnumerable<string> inputs, DiagnosticBag diagnostics)
    {
        var sources = new List<SourceText>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                ReadFile(input, sources, diagnostics);
            }
            else if (Directory.Exists(input))
            {
                var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0) diagnostics.ReportNoInputs(new SourceLocation(input, 0, 0), input);
                foreach (var file in files) ReadFile(file, sources, diagnostics);
            }
            else
            {
                diagnostics.ReportInputNotFound(new SourceLocation(input, 0, 0), input);
            }
        }
        return sources;
    }

    private static void ReadFile(string path, List<SourceText> sources, DiagnosticBag diagnostics)
    {
        var display = Path.GetRelativePath(Environment.CurrentDirectory, path);
        if (display.StartsWith("..", StringComparison.Ordinal) && Path.IsPathRooted(path)) display = path;
        try
        {
            sources.Add(new SourceText(display.Replace('\\', '/'), File.ReadAllText(path)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.ReportInputUnreadable(new SourceLocation(display, 0, 0), display, e.Message);
        }
    }
}

using System.Globalization;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Files;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds;

/// <summary>
/// Turns command-line inputs (files and folders) into sources. A folder contributes its .yaml, .yml and .dsl files,
/// recursively, in ordinal path order so the result never depends on the file system's listing order. Only regular
/// files of at most <see cref="MaxInputBytes"/> are read: a FIFO or device would hang the read or never end it.
/// </summary>
public static class SourceLoader
{
    /// <summary>
    /// The largest input file read (16 MiB). The Kubernetes API server takes at most 3 MiB per request and etcd
    /// 1.5 MiB per object; a file may hold many objects, so the bound is wider, but it is a bound.
    /// </summary>
    public const long MaxInputBytes = 16L * 1024 * 1024;

    private static readonly string[] Extensions = [".yaml", ".yml", ".dsl"];

    public static IReadOnlyList<SourceText> Load(IEnumerable<string> inputs, DiagnosticBag diagnostics)
    {
        var sources = new List<SourceText>();
        foreach (var input in inputs)
        {
            switch (FileKinds.Of(input))
            {
                case FileKind.Directory:
                    var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                        .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                        .Order(StringComparer.Ordinal)
                        .ToList();
                    if (files.Count == 0) diagnostics.ReportNoInputs(new SourceLocation(input, 0, 0), input);
                    foreach (var file in files) ReadFile(file, sources, diagnostics);
                    break;
                case FileKind.Missing:
                    diagnostics.ReportInputNotFound(new SourceLocation(input, 0, 0), input);
                    break;
                default:
                    ReadFile(input, sources, diagnostics);
                    break;
            }
        }
        return sources;
    }

    private static void ReadFile(string path, List<SourceText> sources, DiagnosticBag diagnostics)
    {
        var display = Path.GetRelativePath(Environment.CurrentDirectory, path);
        if (display.StartsWith("..", StringComparison.Ordinal) && Path.IsPathRooted(path)) display = path;
        display = display.Replace('\\', '/');
        var at = new SourceLocation(display, 0, 0);
        var (kind, size) = FileKinds.Stat(path);
        if (kind != FileKind.Regular)
        {
            diagnostics.ReportInputNotRegularFile(at, display, FileKinds.Describe(kind));
            return;
        }
        if (size > MaxInputBytes)
        {
            diagnostics.ReportInputTooLarge(at, display, size.ToString(CultureInfo.InvariantCulture), MaxInputBytes.ToString(CultureInfo.InvariantCulture));
            return;
        }
        try
        {
            var (bytes, refusal) = BoundedFile.Read(path, MaxInputBytes);
            if (bytes is null)
            {
                diagnostics.ReportInputUnreadable(at, display, refusal!);
                return;
            }
            using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            sources.Add(new SourceText(display, reader.ReadToEnd()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.ReportInputUnreadable(at, display, e.Message);
        }
    }
}

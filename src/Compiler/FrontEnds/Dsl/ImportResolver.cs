using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl;

/// <summary>
/// Finds the file an <c>import "other.dsl"</c> names, relative to the importing file: a source of the compilation
/// with that path if there is one, otherwise the file on disk. A missing or unreadable file is MC0501 / MC0502.
/// </summary>
internal static class ImportResolver
{
    public static SourceText? Resolve(string importer, string target, IReadOnlyList<SourceText> sources, SourceLocation at, DiagnosticBag diagnostics)
    {
        var directory = Path.GetDirectoryName(importer) ?? "";
        var path = Normalize(Path.IsPathRooted(target) ? target : Path.Combine(directory, target));
        if (sources.FirstOrDefault(s => Normalize(s.Path) == path) is { } given) return given;
        if (!File.Exists(path))
        {
            diagnostics.ReportInputNotFound(at, path);
            return null;
        }
        try
        {
            return new SourceText(path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.ReportInputUnreadable(at, path, e.Message);
            return null;
        }
    }

    /// <summary>Forward slashes, no <c>.</c> segments, <c>..</c> folded where it can be: the path's identity for "read once".</summary>
    public static string Normalize(string path)
    {
        var rooted = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else parts.Add(part);
        }
        return (rooted ? "/" : "") + string.Join('/', parts);
    }
}

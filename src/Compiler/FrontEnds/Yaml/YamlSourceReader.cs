using System.Text.RegularExpressions;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;
using Meshc.Compiler.Text.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Reads the Kubernetes objects of one YAML file. Syntax errors become MC0101 and broken limits MC0113–MC0115, each
/// with its position; the other documents still load.
/// </summary>
internal static partial class YamlSourceReader
{
    /// <summary>Documents with errors reported per file before the rest of it is left unread (MC0116).</summary>
    public const int MaxBrokenDocuments = 50;

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();

    public static IEnumerable<YamlObject> Read(SourceText source, DiagnosticBag diagnostics)
    {
        foreach (var root in Roots(source, diagnostics))
        {
            if (root is not YamlMappingNode map)
            {
                if (!(root is YamlScalarNode s && s.IsNull())) diagnostics.ReportNotAnObject(root.LocationIn(source.Path));
                continue;
            }
            var apiVersion = map.Str("apiVersion");
            var kind = map.Str("kind");
            if (apiVersion is null || kind is null)
            {
                diagnostics.ReportMissingField(map.LocationIn(source.Path), kind ?? "object", apiVersion is null ? "apiVersion" : "kind");
                continue;
            }
            yield return new YamlObject(apiVersion, kind, map, source.Path);
        }
    }

    /// <summary>
    /// The root node of every document. The file is parsed in one linear pass; at a failure the documents before it
    /// are kept, the failing document is read alone (for its diagnostic), and the pass resumes at the next document.
    /// Each failure costs one pass over the rest of the file, so their number is bounded.
    /// </summary>
    private static List<YamlNode> Roots(SourceText source, DiagnosticBag diagnostics)
    {
        var text = source.Text;
        var roots = new List<YamlNode>();
        List<YamlPiece>? pieces = null;
        int[]? lineStarts = null;
        var fromLine = 0;
        var broken = 0;
        while (true)
        {
            var stream = new YamlStream();
            var parser = new BoundedYamlParser(new Parser(fromLine == 0 ? new StringReader(text) : new PaddedReader(text, lineStarts![fromLine], fromLine)));
            try
            {
                BoundedYaml.Load(stream, parser);
                roots.AddRange(stream.Documents.Select(d => d.RootNode));
                return roots;
            }
            catch (YamlException)
            {
                roots.AddRange(stream.Documents.Select(d => d.RootNode));
            }
            pieces ??= YamlDocumentSplitter.Split(text);
            lineStarts ??= LineStarts(text);
            // The failing document is the piece its start lies in (or the first from here, if it failed before starting).
            var failedAt = Math.Max((int)parser.DocumentStart.Line - 1, fromLine);
            var index = pieces.FindLastIndex(p => p.FirstLine <= failedAt && p.FirstLine >= fromLine);
            if (index < 0) index = pieces.FindIndex(p => p.FirstLine >= fromLine);
            if (index < 0) return roots;
            var (root, failed) = Load(source.Path, pieces[index], diagnostics);
            if (root is not null) roots.Add(root);
            if (failed && ++broken >= MaxBrokenDocuments && index + 1 < pieces.Count)
            {
                diagnostics.ReportYamlTooManyErrors(new SourceLocation(source.Path, pieces[index + 1].FirstLine + 1, 1), MaxBrokenDocuments);
                return roots;
            }
            if (index + 1 >= pieces.Count) return roots;
            fromLine = pieces[index + 1].FirstLine;
        }
    }

    private static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') starts.Add(i + 1);
        return [.. starts];
    }

    /// <summary>One document alone, at its own lines: its root, and whether it had an error (reported).</summary>
    private static (YamlNode? Root, bool Failed) Load(string path, YamlPiece piece, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            BoundedYaml.Load(stream, new BoundedYamlParser(new Parser(new PaddedReader(piece.Text, 0, piece.FirstLine))));
            return (stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, false);
        }
        catch (YamlLimitException e)
        {
            var at = new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column);
            switch (e.Limit)
            {
                case YamlLimit.Depth: diagnostics.ReportYamlNestingTooDeep(at, YamlLimits.MaxDepth); break;
                case YamlLimit.AliasExpansion: diagnostics.ReportYamlAliasExpansion(at, e.Message); break;
                case YamlLimit.RecursiveAlias: diagnostics.ReportYamlRecursiveAlias(at, e.Message); break;
                default: throw new InvalidOperationException($"unhandled YAML limit {e.Limit}");
            }
            return (null, true);
        }
        catch (YamlException e)
        {
            var detail = PositionPrefix().Replace(e.InnerException is YamlException inner ? inner.Message : e.Message, "");
            diagnostics.ReportYamlSyntax(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), detail.TrimEnd('.'));
            return (null, true);
        }
    }
}

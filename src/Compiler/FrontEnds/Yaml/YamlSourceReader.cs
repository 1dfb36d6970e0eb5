using System.Text.RegularExpressions;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads the Kubernetes objects of one YAML file. Syntax errors become MC0101 with their position; other documents still load.</summary>
internal static partial class YamlSourceReader
{
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
    /// The root node of every document. A well-formed file is parsed in one linear pass; only a file with a syntax
    /// error is cut into documents and parsed piece by piece, so the documents around the error still load.
    /// </summary>
    private static IEnumerable<YamlNode> Roots(SourceText source, DiagnosticBag diagnostics)
    {
        var whole = TryLoadAll(source.Text);
        if (whole is not null) return whole;
        return YamlDocumentSplitter.Split(source.Text)
            .Select(document => Load(source.Path, document, diagnostics))
            .OfType<YamlNode>()
            .ToList();
    }

    private static List<YamlNode>? TryLoadAll(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Select(d => d.RootNode).ToList();
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return null;
        }
    }

    private static YamlNode? Load(string path, string document, DiagnosticBag diagnostics)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(document));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            var detail = PositionPrefix().Replace(e.InnerException is YamlException inner ? inner.Message : e.Message, "");
            diagnostics.ReportYamlSyntax(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), detail.TrimEnd('.'));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's representation model throws this (not a YamlException) for some unterminated flow
            // collections; the document's end is the best position we have.
            var lines = document.TrimEnd('\n').Split('\n').Length;
            diagnostics.ReportYamlSyntax(new SourceLocation(path, lines, 1), "the document ends inside a flow collection: a '{' or '[' is not closed");
            return null;
        }
    }
}

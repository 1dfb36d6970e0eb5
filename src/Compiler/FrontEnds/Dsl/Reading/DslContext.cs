using Antlr4.Runtime;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>What every DSL reader needs: the file's path, the namespace in force, the diagnostics, and the text of tokens.</summary>
internal sealed class DslContext(string path, string @namespace, DiagnosticBag diagnostics)
{
    public string Path { get; } = path;
    public string Namespace { get; } = @namespace;
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>The same file, inside <c>namespace name { … }</c>.</summary>
    public DslContext InNamespace(string name) => new(Path, name, Diagnostics);

    public SourceLocation At(ParserRuleContext node) => At(node.Start);

    public SourceLocation At(IToken token) => new(Path, token.Line, token.Column + 1);

    public static string Text(MeshParser.NameContext name) => Unquote(name.GetText());

    public static string Text(MeshParser.ValueContext value) => Unquote(value.GetText());

    /// <summary>A quoted string's content (escapes resolved); any other token's text as it stands.</summary>
    public static string Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"') return text;
        var inner = text[1..^1];
        if (!inner.Contains('\\')) return inner;
        var sb = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != '\\' || i == inner.Length - 1) { sb.Append(inner[i]); continue; }
            var next = inner[++i];
            sb.Append(next switch { 'n' => '\n', 't' => '\t', _ => next });
        }
        return sb.ToString();
    }

    /// <summary>A name that may be qualified as <c>namespace/name</c>; unqualified names take the namespace in force.</summary>
    public (string Namespace, string Name) Qualified(MeshParser.NameContext name) => Qualified(Text(name));

    public (string Namespace, string Name) Qualified(string text)
    {
        var slash = text.IndexOf('/');
        return slash > 0 ? (text[..slash], text[(slash + 1)..]) : (Namespace, text);
    }

    /// <summary>A reference: its explicit namespace (null when unqualified, as an omitted YAML field) and name.</summary>
    public static (string? Namespace, string Name) Reference(string text)
    {
        var slash = text.IndexOf('/');
        return slash > 0 ? (text[..slash], text[(slash + 1)..]) : (null, text);
    }

    public ObjectMeta Meta(string @namespace, string name, IEnumerable<MeshParser.MetadataClauseContext> metadata, ParserRuleContext at) =>
        MetadataReader.Read(@namespace, name, metadata, At(at));

    /// <summary>Parses a number token, reporting MC0112 when it does not fit the range.</summary>
    public int? Int(IToken token, string field, int min, int max)
    {
        if (int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            return n;
        Diagnostics.ReportDslInvalidValue(At(token), field, token.Text, $"use a number from {min} to {max}");
        return null;
    }
}

using System.Globalization;
using System.Text;
using Antlr4.Runtime;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Writing;

/// <summary>How values are spelled in DSL text: bare when the lexer reads them back as one token of the right kind, quoted otherwise.</summary>
public static class DslText
{
    /// <summary>A name or value: bare if it lexes as one word (or keyword), else a quoted string.</summary>
    public static string Word(string text) => IsOne(text, t => t == MeshLexer.WORD || Syntax.ExpectedWords.IsKeyword(t)) ? text : Quote(text);

    /// <summary>A name where keywords are not names (an optional trailing name): bare only if it lexes as a plain word.</summary>
    public static string PlainWord(string text) => IsOne(text, t => t == MeshLexer.WORD) ? text : Quote(text);

    /// <summary>A path: bare if it lexes as one path token, else a quoted string.</summary>
    public static string Path(string text) => IsOne(text, t => t == MeshLexer.URL_PATH) ? text : Quote(text);

    /// <summary>A value in a position that also takes numbers, durations, paths and <c>*</c> as they are.</summary>
    public static string Value(string text) =>
        IsOne(text, t => t is MeshLexer.WORD or MeshLexer.INT or MeshLexer.DURATION or MeshLexer.URL_PATH or MeshLexer.STAR || Syntax.ExpectedWords.IsKeyword(t))
            ? text
            : Quote(text);

    public static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    public static string Labels(IEnumerable<Label> labels) => string.Join(", ", labels.Select(l => $"{Value(l.Key)}={Value(l.Value)}"));

    /// <summary>A duration in the Gateway API's format, largest units first: <c>1h30m</c>, <c>250ms</c>, <c>0s</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        var ms = (long)value.TotalMilliseconds;
        if (ms == 0) return "0s";
        var sb = new StringBuilder();
        foreach (var (unit, size) in new[] { ("h", 3_600_000L), ("m", 60_000L), ("s", 1_000L), ("ms", 1L) })
        {
            if (ms / size == 0) continue;
            sb.Append((ms / size).ToString(CultureInfo.InvariantCulture)).Append(unit);
            ms %= size;
        }
        return sb.ToString();
    }

    public static string Int(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static bool IsOne(string text, Func<int, bool> kind)
    {
        if (text.Length == 0) return false;
        var lexer = new MeshLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        var tokens = lexer.GetAllTokens();
        return tokens.Count == 1 && kind(tokens[0].Type) && tokens[0].Text == text;
    }
}

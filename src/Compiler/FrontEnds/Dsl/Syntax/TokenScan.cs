using Antlr4.Runtime;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Syntax;

/// <summary>
/// Lexes a DSL file and reports lexical mistakes itself, so the parser only ever sees sensible tokens: a stray
/// character is reported (MC0152) and dropped; a string missing its closing quote is reported (MC0151) and kept as a
/// string, so the rest of the line still parses. Braces nested deeper than <see cref="MaxBraceDepth"/> are reported
/// (MC0155) at the brace that breaks the bound and the file is read as empty: the parser and every reader after it
/// recurse once per level, and no valid program nests more than two.
/// </summary>
internal static class TokenScan
{
    /// <summary>How deep braces may nest (a namespace holds statements with braces: two levels are all the language uses).</summary>
    public const int MaxBraceDepth = 64;

    public static CommonTokenStream Scan(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new MeshLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        var kept = new List<IToken>();
        var depth = 0;
        foreach (var token in lexer.GetAllTokens())
        {
            switch (token.Type)
            {
                case MeshLexer.LBRACE when ++depth > MaxBraceDepth:
                    diagnostics.ReportDslNestingTooDeep(At(source, token), MaxBraceDepth);
                    kept.Clear();
                    return Stream(kept, lexer, source);
                case MeshLexer.RBRACE:
                    depth = Math.Max(0, depth - 1);
                    kept.Add(token);
                    continue;
                case MeshLexer.INVALID_CHAR:
                    diagnostics.ReportDslInvalidCharacter(At(source, token), Printable(token.Text));
                    continue;
                case MeshLexer.UNTERMINATED_STRING:
                    diagnostics.ReportDslUnterminatedString(At(source, token));
                    var fixedToken = new CommonToken(token) { Type = MeshLexer.STRING, Text = token.Text + "\"" };
                    kept.Add(fixedToken);
                    continue;
                default:
                    kept.Add(token);
                    continue;
            }
        }
        return Stream(kept, lexer, source);
    }

    private static CommonTokenStream Stream(List<IToken> kept, MeshLexer lexer, SourceText source)
    {
        var eof = new CommonToken(TokenConstants.EOF, "<EOF>")
        {
            Line = lexer.Line, Column = lexer.Column, StartIndex = source.Text.Length, StopIndex = source.Text.Length - 1,
        };
        kept.Add(eof);
        var stream = new CommonTokenStream(new ListTokenSource(kept));
        stream.Fill();
        return stream;
    }

    /// <summary>ANTLR columns are 0-based; meshc's are 1-based.</summary>
    public static SourceLocation At(SourceText source, IToken token) => new(source.Path, token.Line, token.Column + 1);

    private static string Printable(string text) =>
        text.Length == 1 && char.IsControl(text[0]) ? $"\\u{(int)text[0]:x4}" : text;
}

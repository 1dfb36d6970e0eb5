using Antlr4.Runtime;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Syntax;

/// <summary>
/// Lexes a DSL file and reports lexical mistakes itself, so the parser only ever sees sensible tokens: a stray
/// character is reported (MC0152) and dropped; a string missing its closing quote is reported (MC0151) and kept as a
/// string, so the rest of the line still parses.
/// </summary>
internal static class TokenScan
{
    public static CommonTokenStream Scan(SourceText source, DiagnosticBag diagnostics)
    {
        var lexer = new MeshLexer(new AntlrInputStream(source.Text));
        lexer.RemoveErrorListeners();
        var kept = new List<IToken>();
        foreach (var token in lexer.GetAllTokens())
        {
            switch (token.Type)
            {
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

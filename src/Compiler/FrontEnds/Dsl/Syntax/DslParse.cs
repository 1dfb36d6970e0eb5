using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Syntax;

/// <summary>A parsed DSL file: the parse tree, the token stream (comments included, on the hidden channel) and whether it had syntax errors.</summary>
internal sealed record ParsedDsl(SourceText Source, MeshParser.ProgramContext Tree, CommonTokenStream Tokens, bool HasSyntaxErrors);

/// <summary>
/// Lexes and parses one DSL file, reporting every syntax error (MC015x) with its position. Parsing runs in ANTLR's
/// fast SLL mode first and falls back to full LL only when that fails, which keeps large files well under a second.
/// </summary>
internal static class DslParse
{
    public static ParsedDsl Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var before = diagnostics.Count;
        var tokens = TokenScan.Scan(source, diagnostics);
        var tree = TryFast(tokens) ?? ParseReportingErrors(source, tokens, diagnostics);
        return new ParsedDsl(source, tree, tokens, diagnostics.Count > before);
    }

    private static MeshParser.ProgramContext? TryFast(CommonTokenStream tokens)
    {
        var parser = new MeshParser(tokens) { ErrorHandler = new BailErrorStrategy() };
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        try
        {
            return parser.program();
        }
        catch (ParseCanceledException)
        {
            tokens.Seek(0);
            return null;
        }
    }

    private static MeshParser.ProgramContext ParseReportingErrors(SourceText source, CommonTokenStream tokens, DiagnosticBag diagnostics)
    {
        var parser = new MeshParser(tokens) { ErrorHandler = new DslErrorStrategy(source.Path, diagnostics) };
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.LL;
        return parser.program();
    }
}

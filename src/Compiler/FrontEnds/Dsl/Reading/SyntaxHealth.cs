using Antlr4.Runtime;
using Antlr4.Runtime.Tree;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Tells whether a statement parsed cleanly. Statements with a syntax error are not read further: their error is
/// already reported, and guessing at a half-parsed statement would only add follow-on noise.
/// </summary>
internal static class SyntaxHealth
{
    public static bool IsClean(IParseTree node) => node switch
    {
        IErrorNode => false,
        ITerminalNode t => t.Symbol.TokenIndex >= 0 || t.Symbol.Type == TokenConstants.EOF,
        ParserRuleContext r => r.exception is null && Enumerable.Range(0, r.ChildCount).All(i => IsClean(r.GetChild(i))),
        _ => true,
    };
}

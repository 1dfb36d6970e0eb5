using Antlr4.Runtime;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Syntax;

/// <summary>
/// ANTLR's recovery (single-token insertion and deletion, then resynchronising on what may follow) with meshc's
/// messages: every syntax error becomes an MC015x diagnostic at the offending token, says what was expected in
/// words, and suggests the nearest keyword when a misspelled word stands where a keyword was expected.
/// </summary>
internal sealed class DslErrorStrategy(string path, DiagnosticBag diagnostics) : DefaultErrorStrategy
{
    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e) =>
        ReportUnexpected(e.OffendingToken, recognizer.GetExpectedTokens());

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e) =>
        ReportUnexpected(e.OffendingToken, e.GetExpectedTokens());

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e) =>
        ReportUnexpected(e.OffendingToken, recognizer.GetExpectedTokens());

    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer)) return;
        BeginErrorCondition(recognizer);
        var token = recognizer.CurrentToken;
        var expected = GetExpectedTokens(recognizer);
        if (token.Type == TokenConstants.EOF && expected.Contains(MeshLexer.RBRACE))
        {
            // A block still open at the end of the file: say what is missing rather than what was found.
            diagnostics.ReportDslMissingInput(At(token), "'}'", ExpectedWords.Found(token));
            return;
        }
        diagnostics.ReportDslExtraneousInput(At(token), ExpectedWords.Found(token), ExpectedWords.Describe(expected), Hint(token, expected));
    }

    protected override void ReportMissingToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer)) return;
        BeginErrorCondition(recognizer);
        var token = recognizer.CurrentToken;
        diagnostics.ReportDslMissingInput(At(token), ExpectedWords.Describe(GetExpectedTokens(recognizer)), ExpectedWords.Found(token));
    }

    private void ReportUnexpected(IToken token, Antlr4.Runtime.Misc.IntervalSet expected) =>
        diagnostics.ReportDslUnexpectedInput(At(token), ExpectedWords.Describe(expected), ExpectedWords.Found(token), Hint(token, expected));

    /// <summary>
    /// "did you mean 'route'?" when the offending word is a likely typo of a keyword that fits here, else of any
    /// keyword: after a clause that could have gone on (<c>rule /a too x</c>), ANTLR only knows what starts the next one.
    /// </summary>
    private static string? Hint(IToken token, Antlr4.Runtime.Misc.IntervalSet expected)
    {
        if (token.Type != MeshLexer.WORD) return null;
        var fitting = expected.ToList().Where(ExpectedWords.IsKeyword).Select(ExpectedWords.KeywordText);
        return Spelling.DidYouMean(token.Text, fitting) ?? Spelling.DidYouMean(token.Text, ExpectedWords.Keywords.Select(ExpectedWords.KeywordText));
    }

    private SourceLocation At(IToken token) => new(path, token.Line, token.Column + 1);
}

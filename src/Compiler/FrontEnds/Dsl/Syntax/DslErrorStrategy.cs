using Antlr4.Runtime;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Syntax;

/// <summary>
/// ANTLR's recovery (single-token insertion and deletion, then resynchronising on what may follow) with meshc's
/// messages: every syntax error becomes an MC015x diagnostic at the offending token, says what was expected in
/// words, and suggests the nearest keyword when a misspelled word stands where a keyword was expected. A misspelled
/// match condition or action inside a rule gets its own message (MC0190): the grammar alone would take the word for a
/// rule's name, or end the rule before it, and report something the user did not write.
/// </summary>
internal sealed class DslErrorStrategy(string path, DiagnosticBag diagnostics) : DefaultErrorStrategy
{
    /// <summary>The words that may start a match condition or an action of a rule.</summary>
    private static readonly string[] RuleWords =
        [.. new[] { MeshLexer.PREFIX, MeshLexer.EXACT, MeshLexer.REGEX, MeshLexer.HEADER, MeshLexer.QUERY, MeshLexer.METHOD,
            MeshLexer.TO, MeshLexer.REDIRECT, MeshLexer.REWRITE, MeshLexer.MIRROR, MeshLexer.TIMEOUT, MeshLexer.RETRY,
            MeshLexer.REQUEST, MeshLexer.RESPONSE }.Select(ExpectedWords.KeywordText)];

    protected override void ReportNoViableAlternative(Parser recognizer, NoViableAltException e)
    {
        if (!ReportedRuleWord(recognizer, e.OffendingToken)) ReportUnexpected(e.OffendingToken, recognizer.GetExpectedTokens());
    }

    protected override void ReportInputMismatch(Parser recognizer, InputMismatchException e)
    {
        if (!ReportedRuleWord(recognizer, e.OffendingToken)) ReportUnexpected(e.OffendingToken, e.GetExpectedTokens());
    }

    protected override void ReportFailedPredicate(Parser recognizer, FailedPredicateException e) =>
        ReportUnexpected(e.OffendingToken, recognizer.GetExpectedTokens());

    protected override void ReportUnwantedToken(Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer)) return;
        BeginErrorCondition(recognizer);
        var token = recognizer.CurrentToken;
        if (ReportedRuleWord(recognizer, token)) return;
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
        if (ReportedRuleWord(recognizer, token)) return;
        diagnostics.ReportDslMissingInput(At(token), ExpectedWords.Describe(GetExpectedTokens(recognizer)), ExpectedWords.Found(token));
    }

    /// <summary>
    /// A likely typo of a condition or action keyword inside a rule, reported as such (MC0190). Two shapes: right after
    /// <c>rule</c>, where the grammar took it for the rule's name and now wants ':' (<c>rule methd GET …</c>); and later
    /// on the rule's line, where the grammar ended the rule before it (<c>rule /a methd GET …</c>).
    /// </summary>
    private bool ReportedRuleWord(Parser recognizer, IToken offending)
    {
        var tokens = recognizer.TokenStream;
        IToken? word = null;
        if (tokens.LT(-2) is { Type: MeshLexer.RULE } && tokens.LT(-1) is { Type: MeshLexer.WORD } named && offending.Type != MeshLexer.COLON)
            word = named;
        else if (offending.Type == MeshLexer.WORD && OnRuleLine(tokens, offending))
            word = offending;
        if (word is null || Spelling.DidYouMean(word.Text, RuleWords) is not { } hint) return false;
        diagnostics.ReportDslUnknownRuleWord(At(word), word.Text, hint);
        return true;
    }

    /// <summary>Whether a <c>rule</c> keyword stands earlier on the token's line (a rule is one line).</summary>
    private static bool OnRuleLine(ITokenStream tokens, IToken token)
    {
        for (var i = token.TokenIndex - 1; i >= 0; i--)
        {
            var before = tokens.Get(i);
            if (before.Line != token.Line || before.Type is MeshLexer.LBRACE or MeshLexer.RBRACE) return false;
            if (before.Type == MeshLexer.RULE) return true;
        }
        return false;
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

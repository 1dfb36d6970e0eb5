using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Decides what of a statement with syntax errors is still read. Clauses with an error are dropped (their error is
/// already reported, and guessing at them would only add noise); the statement itself is read when what is left is
/// whole, so a broken listener does not make its gateway vanish and every route on it fail too. A brace the parser
/// had to conjure (a block left open) does not count against the statement. A rule is one line, so a rule followed on
/// its line by tokens recovery skipped (<c>rule /a heder x=1 to a:80</c>) is broken too, and goes with them.
/// </summary>
internal static class SyntaxHealth
{
    /// <summary>Drops the broken clauses of <paramref name="statement"/> and says whether the rest can be read.</summary>
    public static bool PruneForReading(ParserRuleContext statement)
    {
        if (statement.exception is not null) return false;
        if (statement.children is not { } children) return true;
        // Tokens recovery skipped, and clauses with an error, go; a token recovery had to make up (index -1) is a
        // missing required piece, which leaves the statement unreadable, unless it is a brace.
        var skipped = children.OfType<IErrorNode>().Where(e => e.Symbol.TokenIndex >= 0).Select(e => e.Symbol.Line).ToHashSet();
        foreach (var broken in children.Where(c => c is IErrorNode { Symbol.TokenIndex: >= 0 } || (c is ParserRuleContext r && IsClause(r) && !IsClean(r)) ||
                                                   (c is MeshParser.RouteRuleClauseContext rule && skipped.Contains(rule.Start.Line))).ToList())
            children.Remove(broken);
        return children.All(c => c is MeshParser.StatementContext || IsClean(c) || c is ITerminalNode { Symbol.Type: MeshLexer.RBRACE or MeshLexer.LBRACE });
    }

    public static bool IsClean(IParseTree node) => node switch
    {
        IErrorNode => false,
        ITerminalNode t => t.Symbol.TokenIndex >= 0 || t.Symbol.Type == TokenConstants.EOF,
        ParserRuleContext r => r.exception is null && Enumerable.Range(0, r.ChildCount).All(i => IsClean(r.GetChild(i))),
        _ => true,
    };

    private static bool IsClause(ParserRuleContext r) => r is MeshParser.GatewayClauseContext or MeshParser.ServiceClauseContext
        or MeshParser.RouteClauseContext or MeshParser.WorkloadClauseContext or MeshParser.PolicyClauseContext
        or MeshParser.NamespaceClauseContext or MeshParser.SecretClauseContext or MeshParser.GrantClauseContext;
}

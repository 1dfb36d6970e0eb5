using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Formatting;

/// <summary>
/// <c>meshc fmt</c>: prints a DSL file in its one canonical layout, keeping every comment. A statement's own clauses
/// (class, on, host, select, labels…) stay on its first line; its children (listeners, rules, clusters, paths, policy
/// rules, statements of a namespace) go one per line in braces, indented by two spaces. Services, workloads, secrets and grants stay
/// on one line when that fits in 100 columns and holds no comment, else one clause per line. Formatting a formatted
/// file changes nothing. A file with syntax errors is not formatted (its errors are reported instead).
/// </summary>
public static class DslFormatter
{
    private const int MaxInlineWidth = 100;

    /// <summary>The canonical text, or null when the file has syntax errors (reported into <paramref name="diagnostics"/>).</summary>
    public static string? Format(SourceText source, DiagnosticBag diagnostics)
    {
        var parsed = DslParse.Parse(source, diagnostics);
        if (parsed.HasSyntaxErrors) return null;
        var comments = LineWriter.CommentsOf(parsed.Tokens);
        var writer = new LineWriter(comments, parsed.Tokens.GetTokens());
        foreach (var statement in parsed.Tree.statement()) Statement(writer, statement, 0, comments);
        return writer.Finish();
    }

    private static void Statement(LineWriter w, MeshParser.StatementContext s, int depth, IReadOnlyList<IToken> comments)
    {
        switch (s)
        {
            case MeshParser.NamespaceStatementContext n:
                Block(w, depth, Head(n), n.namespaceClause(), [], n.RBRACE().Symbol, forceBraces: true,
                    () => { foreach (var inner in n.statement()) Statement(w, inner, depth + 1, comments); });
                break;
            case MeshParser.GatewayStatementContext g:
                var (listeners, gatewayOwn) = Split(g.gatewayClause(), c => c is MeshParser.ListenerClauseContext or MeshParser.ClientCertsClauseContext);
                Block(w, depth, Head(g), gatewayOwn, listeners, g.RBRACE()?.Symbol);
                break;
            case MeshParser.HttpRouteStatementContext r:
                Route(w, depth, r, r.routeClause(), r.RBRACE()?.Symbol);
                break;
            case MeshParser.GrpcRouteStatementContext r:
                Route(w, depth, r, r.routeClause(), r.RBRACE()?.Symbol);
                break;
            case MeshParser.TlsRouteStatementContext r:
                Route(w, depth, r, r.routeClause(), r.RBRACE()?.Symbol);
                break;
            case MeshParser.ConfigMapStatementContext cm:
                Flexible(w, depth, Head(cm), cm.configMapClause(), cm, cm.RBRACE()?.Symbol, comments);
                break;
            case MeshParser.BackendTlsStatementContext bt:
                Flexible(w, depth, Head(bt), bt.backendTlsClause(), bt, bt.RBRACE()?.Symbol, comments);
                break;
            case MeshParser.PolicyStatementContext p:
                var (rules, policyOwn) = Split(p.policyClause(), c => c is MeshParser.PolicyRuleClauseContext);
                Block(w, depth, Head(p), policyOwn, rules, p.RBRACE()?.Symbol);
                break;
            case MeshParser.ServiceStatementContext sv:
                Flexible(w, depth, Head(sv), sv.serviceClause(), sv, sv.RBRACE()?.Symbol, comments);
                break;
            case MeshParser.WorkloadStatementContext wl:
                Flexible(w, depth, Head(wl), wl.workloadClause(), wl, wl.RBRACE()?.Symbol, comments);
                break;
            case MeshParser.GatewayClassStatementContext gc:
                Flexible(w, depth, Head(gc), gc.classClause(), gc, gc.RBRACE()?.Symbol, comments);
                break;
            case MeshParser.SecretStatementContext sc:
                Flexible(w, depth, Head(sc), sc.secretClause(), sc, sc.RBRACE()?.Symbol, comments);
                break;
            case MeshParser.GrantStatementContext gr:
                Flexible(w, depth, Head(gr), gr.grantClause(), gr, gr.RBRACE()?.Symbol, comments);
                break;
            default:
                w.Line(depth, TokenJoiner.Join([s]), s.Start, s.Stop);
                break;
        }
    }

    private static void Route(LineWriter w, int depth, ParserRuleContext route, MeshParser.RouteClauseContext[] clauses, IToken? closing)
    {
        var (body, own) = Split(clauses, c => c is MeshParser.RouteRuleClauseContext or MeshParser.RouteClustersClauseContext or MeshParser.RoutePathsClauseContext);
        Block(w, depth, Head(route), own, body, closing);
    }

    /// <summary>The statement keyword and name.</summary>
    private static IParseTree[] Head(ParserRuleContext statement) => [statement.GetChild(0), statement.GetChild(1)];

    /// <summary>
    /// <c>head own-clauses {</c>, one child per line, <c>}</c>; without children, just the first line. The first line
    /// ends where the source's opening brace (or its last own clause) is, so comments there stay on it.
    /// </summary>
    private static void Block(LineWriter w, int depth, IParseTree[] head, IEnumerable<IParseTree> own, IReadOnlyList<IParseTree> children,
        IToken? closing, bool forceBraces = false, Action? writeChildren = null)
    {
        var headNodes = head.Concat(own).ToList();
        var headTokens = headNodes.SelectMany(TokenJoiner.Tokens).ToList();
        var braces = forceBraces || children.Count > 0;
        // Own clauses written after the first child (allowed, but not canonical) do not stretch the first line's span.
        var firstChild = children.Count > 0 ? TokenJoiner.Tokens(children[0]).First().TokenIndex : int.MaxValue;
        var lastHead = headTokens.Where(t => t.TokenIndex < firstChild).MaxBy(t => t.TokenIndex) ?? headTokens[0];
        var openBrace = OpeningBrace(head[0], closing);
        var lineEnd = openBrace is not null && openBrace.TokenIndex > lastHead.TokenIndex && braces ? openBrace : lastHead;
        w.Line(depth, TokenJoiner.Join(headTokens) + (braces ? " {" : ""), headTokens[0], lineEnd, opensBlock: braces);
        if (!braces) return;
        if (writeChildren is not null) writeChildren();
        foreach (var child in children)
        {
            var tokens = TokenJoiner.Tokens(child).ToList();
            w.Line(depth + 1, TokenJoiner.Join(tokens), tokens[0], tokens[^1]);
        }
        w.Close(depth, closing);
    }

    /// <summary>One line when it fits and holds no comment; otherwise a block with one clause per line.</summary>
    private static void Flexible(LineWriter w, int depth, IParseTree[] head, IReadOnlyList<IParseTree> clauses, ParserRuleContext statement,
        IToken? closing, IReadOnlyList<IToken> comments)
    {
        var inline = TokenJoiner.Join(head.Concat(clauses));
        var hasInnerComment = comments.Any(c => c.TokenIndex > statement.Start.TokenIndex && c.TokenIndex < statement.Stop.TokenIndex);
        if (clauses.Count == 0 || (!hasInnerComment && depth * 2 + inline.Length <= MaxInlineWidth))
        {
            var tokens = head.Concat(clauses).SelectMany(TokenJoiner.Tokens).ToList();
            w.Line(depth, inline, tokens[0], statement.Stop);
            return;
        }
        Block(w, depth, head, [], clauses, closing);
    }

    private static (List<IParseTree> Children, List<IParseTree> Own) Split<T>(IEnumerable<T> clauses, Func<T, bool> isChild) where T : IParseTree
    {
        var children = new List<IParseTree>();
        var own = new List<IParseTree>();
        foreach (var c in clauses) (isChild(c) ? children : own).Add(c);
        return (children, own);
    }

    private static IToken? OpeningBrace(IParseTree keyword, IToken? closing)
    {
        if (closing is null || keyword.Parent is not ParserRuleContext statement) return null;
        for (var i = 0; i < statement.ChildCount; i++)
            if (statement.GetChild(i) is ITerminalNode { Symbol.Type: MeshLexer.LBRACE } brace) return brace.Symbol;
        return null;
    }
}

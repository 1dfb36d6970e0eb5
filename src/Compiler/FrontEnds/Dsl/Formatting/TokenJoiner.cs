using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;

namespace Meshc.Compiler.FrontEnds.Dsl.Formatting;

/// <summary>
/// Prints the tokens of a piece of the tree on one line with canonical spacing: one space between tokens, none
/// before <c>, : % = ~</c>, none after <c>= ~</c>, and none after a colon that a port number follows (<c>echo:8080</c>).
/// </summary>
internal static class TokenJoiner
{
    public static string Join(IEnumerable<IParseTree> nodes) => Join(nodes.SelectMany(Tokens).ToList());

    public static string Join(IReadOnlyList<IToken> tokens)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && Spaced(tokens[i - 1], tokens[i])) sb.Append(' ');
            sb.Append(tokens[i].Text);
        }
        return sb.ToString();
    }

    /// <summary>The visible tokens under a node, in order.</summary>
    public static IEnumerable<IToken> Tokens(IParseTree node)
    {
        if (node is ITerminalNode t)
        {
            if (t.Symbol.Type != TokenConstants.EOF && t.Symbol.TokenIndex >= 0) yield return t.Symbol;
            yield break;
        }
        for (var i = 0; i < node.ChildCount; i++)
            foreach (var token in Tokens(node.GetChild(i)))
                yield return token;
    }

    private static bool Spaced(IToken previous, IToken next)
    {
        if (next.Type is MeshLexer.COMMA or MeshLexer.COLON or MeshLexer.PERCENT or MeshLexer.EQUALS or MeshLexer.TILDE) return false;
        if (previous.Type is MeshLexer.EQUALS or MeshLexer.TILDE) return false;
        return !(previous.Type == MeshLexer.COLON && next.Type == MeshLexer.INT);
    }
}

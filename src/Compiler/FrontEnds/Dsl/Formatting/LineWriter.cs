using System.Text;
using Antlr4.Runtime;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;

namespace Meshc.Compiler.FrontEnds.Dsl.Formatting;

/// <summary>
/// Writes the formatted lines and carries every comment of the source along. Comments are handed out in source
/// order: those before a line are written above it (comments inside a line's tokens move above it too), one on the
/// same source line after the line's last token stays at its end. A blank line in the source between two lines
/// is kept (one at most), except directly after an opening brace.
/// </summary>
internal sealed class LineWriter(IReadOnlyList<IToken> comments, IList<IToken> tokens)
{
    private const string Indent = "  ";
    private readonly StringBuilder _out = new();
    private int _next;
    private int _lastLine = -1;
    private bool _afterOpen = true;

    /// <summary>Writes one line built from the source tokens <paramref name="first"/>…<paramref name="last"/>.</summary>
    public void Line(int depth, string text, IToken first, IToken last, bool opensBlock = false)
    {
        WriteCommentsBefore(depth, last.TokenIndex, first.Line);
        Blank(first.Line);
        _out.Append(Pad(depth)).Append(text);
        EndLine(last);
        _afterOpen = opensBlock;
    }

    /// <summary>Writes the closing brace of a block; comments left before it stay inside the block.</summary>
    public void Close(int depth, IToken? closing)
    {
        if (closing is not null) WriteCommentsBefore(depth + 1, closing.TokenIndex, closing.Line);
        _out.Append(Pad(depth)).Append('}');
        if (closing is not null) EndLine(closing);
        else _out.Append('\n');
        _afterOpen = false;
    }

    /// <summary>Writes the comments after the last statement and returns the whole text.</summary>
    public string Finish()
    {
        WriteCommentsBefore(0, int.MaxValue, int.MaxValue);
        return _out.ToString();
    }

    private void WriteCommentsBefore(int depth, int tokenIndex, int line)
    {
        while (_next < comments.Count && comments[_next].TokenIndex < tokenIndex)
        {
            var comment = comments[_next++];
            Blank(comment.Line);
            _out.Append(Pad(depth)).Append(comment.Text.TrimEnd()).Append('\n');
            _lastLine = comment.Line;
            _afterOpen = false;
        }
    }

    private void EndLine(IToken last)
    {
        if (_next < comments.Count && comments[_next].Line == last.Line && comments[_next].TokenIndex > last.TokenIndex &&
            OnlyHiddenBetween(last.TokenIndex, comments[_next].TokenIndex))
            _out.Append(' ').Append(comments[_next++].Text.TrimEnd());
        _out.Append('\n');
        _lastLine = last.Line;
    }

    /// <summary>A comment belongs to the line whose token it directly follows, not to an earlier token on the same line.</summary>
    private bool OnlyHiddenBetween(int from, int to)
    {
        for (var i = from + 1; i < to; i++)
            if (tokens[i].Channel == TokenConstants.DefaultChannel) return false;
        return true;
    }

    private void Blank(int line)
    {
        if (_lastLine >= 0 && line - _lastLine > 1 && !_afterOpen) _out.Append('\n');
    }

    private static string Pad(int depth) => string.Concat(Enumerable.Repeat(Indent, depth));

    /// <summary>The comment tokens of a token stream, in order.</summary>
    public static List<IToken> CommentsOf(CommonTokenStream tokens) =>
        tokens.GetTokens().Where(t => t.Type == MeshLexer.COMMENT).ToList();
}

using System.Text;
using System.Text.RegularExpressions;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>One document of a file, cut at its markers: its text and the 0-based line it starts on.</summary>
internal readonly record struct YamlPiece(int FirstLine, string Text);

/// <summary>
/// Cuts a multi-document YAML file at its <c>---</c> / <c>...</c> markers so a syntax error in one document does not
/// hide the others. Each piece remembers its first line, so it can be read with its original line numbers.
/// </summary>
internal static partial class YamlDocumentSplitter
{
    [GeneratedRegex(@"^(---|\.\.\.)(?=\s|$)")]
    private static partial Regex Marker();

    /// <summary>The documents of <paramref name="text"/> in order; blank and comment-only ones are skipped.</summary>
    public static List<YamlPiece> Split(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var pieces = new List<YamlPiece>();
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var atEnd = i == lines.Length;
            if (!atEnd && !Marker().IsMatch(lines[i])) continue;
            if (Piece(lines, start, i) is { } piece) pieces.Add(piece);
            if (atEnd) break;
            // "--- {a: 1}": the rest of the marker line belongs to the next document; blank the marker, keep columns.
            lines[i] = new string(' ', 3) + lines[i][3..];
            start = i;
        }
        return pieces;
    }

    private static YamlPiece? Piece(string[] lines, int from, int to)
    {
        var hasContent = false;
        for (var i = from; i < to && !hasContent; i++)
        {
            var trimmed = lines[i].Trim();
            hasContent = trimmed.Length > 0 && !trimmed.StartsWith('#');
        }
        if (!hasContent) return null;
        var body = new StringBuilder();
        for (var i = from; i < to; i++) body.Append(lines[i]).Append('\n');
        return new YamlPiece(from, body.ToString());
    }
}

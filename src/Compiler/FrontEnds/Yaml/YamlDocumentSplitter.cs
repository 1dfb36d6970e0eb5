using System.Text;
using System.Text.RegularExpressions;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Cuts a multi-document YAML file at its <c>---</c> / <c>...</c> markers so a syntax error in one document does not
/// hide the others. Each piece keeps its original line numbers: the lines before it are left blank.
/// </summary>
internal static partial class YamlDocumentSplitter
{
    [GeneratedRegex(@"^(---|\.\.\.)(?=\s|$)")]
    private static partial Regex Marker();

    /// <summary>The documents of <paramref name="text"/>, each padded to its original position; blank ones are skipped.</summary>
    public static IEnumerable<string> Split(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            var atEnd = i == lines.Length;
            if (!atEnd && !Marker().IsMatch(lines[i])) continue;
            if (Pad(lines, start, i) is { } doc) yield return doc;
            if (atEnd) yield break;
            // "--- {a: 1}": the rest of the marker line belongs to the next document; blank the marker, keep columns.
            lines[i] = new string(' ', 3) + lines[i][3..];
            start = i;
        }
    }

    private static string? Pad(string[] lines, int from, int to)
    {
        var body = new StringBuilder();
        var hasContent = false;
        for (var i = from; i < to; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#')) hasContent = true;
        }
        if (!hasContent) return null;
        for (var i = 0; i < from; i++) body.Append('\n');
        for (var i = from; i < to; i++) body.Append(lines[i]).Append('\n');
        return body.ToString();
    }
}

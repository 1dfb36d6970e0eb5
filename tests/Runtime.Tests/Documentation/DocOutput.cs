using System.Text;
using System.Text.RegularExpressions;

namespace Meshc.Runtime.Tests.Documentation;

/// <summary>
/// Compares the output a document shows with what the command printed. Lines must match in order; a line holding only
/// <c>…</c> stands for any number of lines, and <c>…</c> within a line for any text. In loose mode a run of digits, or a
/// hex id, matches any other, and runs of blanks match any others (column widths follow the numbers).
/// </summary>
internal static partial class DocOutput
{
    public static bool Matches(IReadOnlyList<string> shown, string printed, bool loose)
    {
        var pattern = new StringBuilder("^");
        foreach (var line in Trim(shown).Select(l => loose ? Blanks(l) : l))
        {
            if (line.Trim() == "…")
            {
                pattern.Append(@"(?:[^\n]*\n)*?");
                continue;
            }
            var parts = line.TrimEnd().Split('…').Select(part =>
            {
                var escaped = Regex.Escape(part);
                return loose ? Varying().Replace(escaped, m => m.Value.All(char.IsAsciiDigit) ? @"\d+" : "[0-9a-f]+") : escaped;
            });
            pattern.Append(string.Join("[^\n]*?", parts)).Append(@"[ \t]*\n");
        }
        pattern.Append('$');
        var text = string.Join("", Trim(printed.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')).Select(l => (loose ? Blanks(l) : l) + "\n"));
        return Regex.IsMatch(text, pattern.ToString(), RegexOptions.None, TimeSpan.FromSeconds(10));
    }

    private static string Blanks(string line) => BlankRun().Replace(line.Trim(), " ");

    private static List<string> Trim(IEnumerable<string> lines)
    {
        var list = lines.Select(l => l.TrimEnd()).ToList();
        while (list.Count > 0 && list[^1].Length == 0) list.RemoveAt(list.Count - 1);
        return list;
    }

    [GeneratedRegex("[ \t]+")]
    private static partial Regex BlankRun();

    /// <summary>A hex id (8 or more hex digits) or a run of decimal digits.</summary>
    [GeneratedRegex("[0-9a-f]{8,}|[0-9]+")]
    private static partial Regex Varying();
}

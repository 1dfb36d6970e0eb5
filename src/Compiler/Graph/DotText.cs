using System.Text;

namespace Meshc.Compiler.Graph;

/// <summary>
/// Graphviz quoted strings for names that come from the input, whatever they hold: the quote and the backslash are
/// escaped (a name ending in '\' must not escape the closing quote; '\N', '\G' and '\l' must not become Graphviz's
/// label escapes), a line break becomes DOT's '\n', and other control characters a space. Quoted, a name is never
/// an HTML label, a keyword or an attribute list.
/// </summary>
public static class DotText
{
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case var _ when char.IsControl(c): quoted.Append(' '); break;
                default: quoted.Append(c); break;
            }
        }
        return quoted.Append('"').ToString();
    }
}

using System.Text;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>RE2 helpers that must produce exactly what Cilium's Go code produces.</summary>
internal static class GoRegex
{
    // Go's regexp.QuoteMeta escapes exactly these; .NET's Regex.Escape escapes more (space, '#', ...) and would differ.
    private const string Special = @"\.+*?()|[]{}^$";

    /// <summary>Go's <c>regexp.QuoteMeta</c>: a backslash before every regex metacharacter.</summary>
    public static string QuoteMeta(string text)
    {
        var quoted = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (Special.Contains(c)) quoted.Append('\\');
            quoted.Append(c);
        }
        return quoted.ToString();
    }
}

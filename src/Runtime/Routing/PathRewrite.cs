using System.Text;
using System.Text.RegularExpressions;

namespace Meshc.Runtime.Routing;

/// <summary>Path rewrites shared by routes and redirects: prefix_rewrite of the matched literal and regex_rewrite.</summary>
public static class PathRewrite
{
    /// <summary>Replaces the matched prefix/path of <paramref name="pathOnly"/> (query kept by the caller).</summary>
    public static string Prefix(string pathOnly, PathMatch matched, string replacement) =>
        pathOnly.StartsWith(matched.Literal, matched.Comparison) ? replacement + pathOnly[matched.Literal.Length..] : pathOnly;

    /// <summary>A RegexMatchAndSubstitute: every match replaced, with RE2's <c>\N</c> group references.</summary>
    public static string Regex(string pathOnly, Regex pattern, string substitution) =>
        pattern.Replace(pathOnly, ToDotNetSubstitution(substitution));

    internal static Regex Compile(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    private static string ToDotNetSubstitution(string re2)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < re2.Length; i++)
        {
            var c = re2[i];
            if (c == '\\' && i + 1 < re2.Length && char.IsAsciiDigit(re2[i + 1])) { sb.Append("${").Append(re2[++i]).Append('}'); }
            else if (c == '\\' && i + 1 < re2.Length) sb.Append(re2[++i] == '$' ? "$$" : re2[i].ToString());
            else if (c == '$') sb.Append("$$");
            else sb.Append(c);
        }
        return sb.ToString();
    }
}

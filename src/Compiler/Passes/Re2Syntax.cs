using System.Text.RegularExpressions;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Checks a regular expression the way Envoy will read it: Envoy uses RE2, so a pattern must both parse and avoid
/// what RE2 leaves out (lookaround, backreferences, atomic groups, possessive quantifiers, conditionals, \G, \Z).
/// .NET's parser does the parsing; RE2's <c>(?P&lt;name&gt;…)</c> groups are translated first because .NET lacks them.
/// </summary>
internal static class Re2Syntax
{
    /// <summary>Why RE2 would refuse <paramref name="pattern"/>, or null when it is fine.</summary>
    public static string? Problem(string pattern) => UnsupportedConstruct(pattern) ?? ParseError(pattern);

    private static string? ParseError(string pattern)
    {
        try
        {
            _ = new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (RegexParseException e)
        {
            return $"{Describe(e.Error)} at offset {e.Offset}";
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>"InsufficientClosingParentheses" → "insufficient closing parentheses".</summary>
    private static string Describe(RegexParseError error) =>
        Regex.Replace(error.ToString(), "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();

    private static string? UnsupportedConstruct(string p)
    {
        var inClass = false;
        var afterQuantifier = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            var next = i + 1 < p.Length ? p[i + 1] : '\0';
            if (c == '\\')
            {
                if (!inClass && EscapeProblem(next, i + 2 < p.Length ? p[i + 2] : '\0') is { } escape) return escape;
                i++;
                afterQuantifier = false;
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                continue;
            }
            if (afterQuantifier && c == '+') return "possessive quantifiers are not supported by RE2";
            afterQuantifier = false;
            switch (c)
            {
                case '[':
                    inClass = true;
                    if (next == '^') i++;
                    if (i + 1 < p.Length && p[i + 1] == ']') i++;
                    break;
                case '(' when next == '?':
                    if (GroupProblem(p, i + 2) is { } group) return group;
                    i++;
                    break;
                case '*' or '+' or '?':
                    afterQuantifier = true;
                    break;
                case '{' when Regex.Match(p[i..], @"^\{\d+(,\d*)?\}") is { Success: true } counted:
                    i += counted.Length - 1;
                    afterQuantifier = true;
                    break;
            }
        }
        return null;
    }

    private static string? EscapeProblem(char escaped, char after) => escaped switch
    {
        >= '1' and <= '9' => "backreferences are not supported by RE2",
        'k' when after is '<' or '\'' or '{' => "backreferences are not supported by RE2",
        'G' => "\\G is not supported by RE2",
        'Z' => "\\Z is not supported by RE2 (use \\z)",
        _ => null,
    };

    private static string? GroupProblem(string p, int at)
    {
        var rest = p[at..];
        if (rest.StartsWith('=') || rest.StartsWith('!') || rest.StartsWith("<=") || rest.StartsWith("<!"))
            return "lookaround assertions are not supported by RE2";
        if (rest.StartsWith('>')) return "atomic groups are not supported by RE2";
        if (rest.StartsWith('(')) return "conditionals are not supported by RE2";
        if (rest.StartsWith('#')) return "comments are not supported by RE2";
        if (rest.StartsWith('\'')) return "use (?P<name>…) for named groups; RE2 lacks (?'name'…)";
        return null;
    }
}

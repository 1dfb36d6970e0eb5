using System.Text.RegularExpressions;
using Envoy.Type.Matcher.V3;

namespace Meshc.Runtime.Routing;

/// <summary>A compiled Envoy StringMatcher: exact, prefix, suffix, contains or a full-match regex, optionally ignoring case.</summary>
public sealed class StringMatch
{
    private readonly Func<string, bool> _test;

    private StringMatch(Func<string, bool> test) => _test = test;

    public bool Matches(string value) => _test(value);

    public static StringMatch From(StringMatcher m)
    {
        var cmp = m.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return m.MatchPatternCase switch
        {
            StringMatcher.MatchPatternOneofCase.Exact => Exact(m.Exact, m.IgnoreCase),
            StringMatcher.MatchPatternOneofCase.Prefix => new(v => v.StartsWith(m.Prefix, cmp)),
            StringMatcher.MatchPatternOneofCase.Suffix => new(v => v.EndsWith(m.Suffix, cmp)),
            StringMatcher.MatchPatternOneofCase.Contains => new(v => v.Contains(m.Contains, cmp)),
            StringMatcher.MatchPatternOneofCase.SafeRegex => FullRegex(m.SafeRegex.Regex),
            _ => new(_ => false),
        };
    }

    public static StringMatch Exact(string expected, bool ignoreCase = false) =>
        new(v => string.Equals(v, expected, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    public static StringMatch Prefix(string prefix) => new(v => v.StartsWith(prefix, StringComparison.Ordinal));

    public static StringMatch Suffix(string suffix) => new(v => v.EndsWith(suffix, StringComparison.Ordinal));

    public static StringMatch Contains(string part) => new(v => v.Contains(part, StringComparison.Ordinal));

    /// <summary>RE2 semantics are full-match; .NET's engine is anchored here and bounded in time to stay linear-ish.</summary>
    public static StringMatch FullRegex(string pattern)
    {
        var regex = CompileFull(pattern);
        return new(v => SafeIsMatch(regex, v));
    }

    internal static Regex CompileFull(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    internal static bool SafeIsMatch(Regex regex, string value)
    {
        try { return regex.IsMatch(value); }
        catch (RegexMatchTimeoutException) { return false; }
    }
}

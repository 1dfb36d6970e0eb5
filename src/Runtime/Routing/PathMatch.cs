using System.Text.RegularExpressions;
using Envoy.Config.Route.V3;

namespace Meshc.Runtime.Routing;

/// <summary>A route's path specifier compiled once: prefix, exact path, path_separated_prefix or safe_regex.</summary>
public sealed class PathMatch
{
    private readonly RouteMatch.PathSpecifierOneofCase _kind;
    private readonly string _literal;
    private readonly StringComparison _cmp;
    private readonly Regex? _regex;

    private PathMatch(RouteMatch.PathSpecifierOneofCase kind, string literal, bool caseSensitive, Regex? regex)
    {
        _kind = kind;
        _literal = literal;
        _cmp = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        _regex = regex;
    }

    /// <summary>The literal the rewrite replaces: the prefix, path or separated prefix (empty for regex).</summary>
    public string Literal => _literal;

    public StringComparison Comparison => _cmp;

    public static PathMatch From(RouteMatch m)
    {
        var caseSensitive = m.CaseSensitive ?? true;
        return m.PathSpecifierCase switch
        {
            RouteMatch.PathSpecifierOneofCase.Prefix => new(m.PathSpecifierCase, m.Prefix, caseSensitive, null),
            RouteMatch.PathSpecifierOneofCase.Path => new(m.PathSpecifierCase, m.Path, caseSensitive, null),
            RouteMatch.PathSpecifierOneofCase.PathSeparatedPrefix => new(m.PathSpecifierCase, m.PathSeparatedPrefix, caseSensitive, null),
            // case_sensitive is ignored for regexes, as in Envoy.
            RouteMatch.PathSpecifierOneofCase.SafeRegex => new(m.PathSpecifierCase, "", true, StringMatch.CompileFull(m.SafeRegex.Regex)),
            var other => new(other, "", true, null),
        };
    }

    public bool Matches(RouteRequest request) => _kind switch
    {
        // A prefix is tested on the whole :path; the query cannot change a leading-substring test.
        RouteMatch.PathSpecifierOneofCase.Prefix => request.RawPath.StartsWith(_literal, _cmp),
        RouteMatch.PathSpecifierOneofCase.Path => string.Equals(request.PathOnly, _literal, _cmp),
        RouteMatch.PathSpecifierOneofCase.PathSeparatedPrefix => SeparatedPrefix(request.PathOnly),
        RouteMatch.PathSpecifierOneofCase.SafeRegex => StringMatch.SafeIsMatch(_regex!, request.PathOnly),
        // CONNECT and extension matchers are not served: they never match.
        _ => false,
    };

    private bool SeparatedPrefix(string path) =>
        path.StartsWith(_literal, _cmp) && (path.Length == _literal.Length || path[_literal.Length] == '/');
}

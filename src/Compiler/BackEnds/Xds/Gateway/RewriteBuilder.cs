using Envoy.Config.Route.V3;
using Envoy.Type.Matcher.V3;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>Applies a URLRewrite filter to a route action: host literal, full path or prefix replacement.</summary>
internal static class RewriteBuilder
{
    /// <summary>
    /// <paramref name="matchedPrefix"/> is the PathPrefix the rule matched on ("" for other path matches), which a
    /// prefix replacement cuts off.
    /// </summary>
    public static void Apply(RouteAction action, UrlRewriteFilter rewrite, string matchedPrefix)
    {
        if (rewrite.Hostname is { } hostname) action.HostRewriteLiteral = hostname;
        switch (rewrite.Path)
        {
            // An empty full path is no path; the filter then only rewrites the host.
            case { Kind: PathModifierKind.ReplaceFullPath, Value.Length: > 0 } full:
                action.RegexRewrite = Regex("^/.*$", full.Value);
                break;
            case { Kind: PathModifierKind.ReplacePrefixMatch } prefix:
                ApplyPrefix(action, TrimSlash(prefix.Value), matchedPrefix);
                break;
        }
    }

    private static void ApplyPrefix(RouteAction action, string replacement, string matchedPrefix)
    {
        if (replacement.Length == 0)
        {
            // Removing the prefix: prefix_rewrite "" would leave "bar" for "/foo/bar", so keep one '/' (group 2 is the rest).
            action.RegexRewrite = Regex($"^{GoRegex.QuoteMeta(matchedPrefix)}(/?)(.*)", @"/\2");
        }
        else if (matchedPrefix == "/")
        {
            // prefix_rewrite on "/" would glue the replacement to the rest ("/new" + "bar"); put the '/' back.
            action.RegexRewrite = Regex("^/(.*)", replacement + @"/\1");
        }
        else
        {
            action.PrefixRewrite = replacement;
        }
    }

    // A trailing '/' on the replacement is ignored, as the Gateway API's path-segment semantics ask.
    private static string TrimSlash(string value) => value.EndsWith('/') ? value[..^1] : value;

    private static RegexMatchAndSubstitute Regex(string pattern, string substitution) => new()
    {
        Pattern = new RegexMatcher { Regex = pattern },
        Substitution = substitution,
    };
}

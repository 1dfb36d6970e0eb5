using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>The Gateway API's rules for RequestRedirect, URLRewrite and RequestMirror values.</summary>
internal static class RedirectRules
{
    private static readonly int[] RedirectCodes = [301, 302, 303, 307, 308];

    public static IEnumerable<string> Problems(RequestRedirectFilter redirect, RouteRule rule)
    {
        if (redirect.Scheme is { } scheme && scheme is not ("http" or "https"))
            yield return $"scheme '{scheme}' must be http or https";
        if (!RedirectCodes.Contains(redirect.StatusCode))
            yield return $"statusCode {redirect.StatusCode} must be one of 301, 302, 303, 307, 308";
        if (redirect.Port is { } port && port is < 1 or > 65535)
            yield return $"port {port} must be between 1 and 65535";
        if (HostnameProblem(redirect.Hostname) is { } hostname) yield return hostname;
        if (PrefixProblem(redirect.Path, rule) is { } path) yield return path;
    }

    public static IEnumerable<string> Problems(UrlRewriteFilter rewrite, RouteRule rule)
    {
        if (HostnameProblem(rewrite.Hostname) is { } hostname) yield return hostname;
        if (PrefixProblem(rewrite.Path, rule) is { } path) yield return path;
    }

    /// <summary>A mirror share must be a fraction between 0 and 1.</summary>
    public static string? MirrorProblem(RequestMirrorFilter mirror) =>
        mirror.Denominator <= 0 ? $"denominator {mirror.Denominator} must be positive"
        : mirror.Numerator < 0 || mirror.Numerator > mirror.Denominator
            ? $"{mirror.Numerator}/{mirror.Denominator} must lie between 0 and 1"
            : null;

    private static string? HostnameProblem(string? hostname) =>
        hostname is not null && HostnameMatching.Validate(hostname, allowWildcard: false) is { } reason
            ? $"hostname '{hostname}': {reason}"
            : null;

    /// <summary>ReplacePrefixMatch replaces what a PathPrefix matched, so every match of the rule must be one.</summary>
    private static string? PrefixProblem(PathModifier? path, RouteRule rule) =>
        path is { Kind: PathModifierKind.ReplacePrefixMatch } &&
        rule.Matches.Any(m => m.Path is { Kind: not PathMatchKind.Prefix })
            ? "ReplacePrefixMatch needs every match of the rule to be a PathPrefix match"
            : null;
}

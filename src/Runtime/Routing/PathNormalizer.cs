namespace Meshc.Runtime.Routing;

/// <summary>
/// The connection manager's path handling, in Envoy's order (<c>ConnectionManagerUtility::maybeNormalizePath</c>):
/// a <c>#fragment</c> is refused; then the escaped-slash action; then <c>normalize_path</c> (RFC 3986 dot segments,
/// <see cref="PathCanonicalizer"/>); then <c>merge_slashes</c>. Each step works on the path before the first '?' and
/// leaves the query as sent. Routing matches the result and the same result is forwarded, so no request can be routed
/// by one path and reach the backend with another.
/// </summary>
public static class PathNormalizer
{
    /// <summary>Applies <paramref name="settings"/> to a <c>:path</c> that starts with '/'.</summary>
    public static PathVerdict Apply(string path, PathSettings settings)
    {
        // Envoy's default (runtime guard http_reject_path_with_fragment): a fragment is never part of a request target.
        if (path.Contains('#', StringComparison.Ordinal)) return PathVerdict.Rejected;
        var outcome = PathOutcome.Continue;
        if (settings.EscapedSlashes != EscapedSlashesAction.KeepUnchanged)
        {
            var unescaped = UnescapeSlashes(path);
            if (!ReferenceEquals(unescaped, path))
            {
                switch (settings.EscapedSlashes)
                {
                    case EscapedSlashesAction.RejectRequest:
                        return PathVerdict.Rejected;
                    case EscapedSlashesAction.UnescapeAndRedirect:
                        outcome = PathOutcome.Redirect;
                        break;
                    case EscapedSlashesAction.UnescapeAndForward:
                        break;
                    case EscapedSlashesAction.KeepUnchanged:
                    default:
                        throw new InvalidOperationException($"unhandled escaped-slashes action {settings.EscapedSlashes}");
                }
                path = unescaped;
            }
        }
        if (settings.NormalizePath)
        {
            var (pathPart, query) = Split(path);
            if (PathCanonicalizer.Canonicalize(pathPart) is not { } canonical) return PathVerdict.Rejected;
            path = canonical + query;
        }
        if (settings.MergeSlashes) path = MergeSlashes(path);
        return new PathVerdict(outcome, path);
    }

    /// <summary>
    /// <c>%2F</c>/<c>%2f</c> → '/', <c>%5C</c>/<c>%5c</c> → '\' in the path part; returns the same instance when there
    /// are none. The replacements cannot form new escapes ('/' and '\' are not hex digits), so one pass each suffices.
    /// </summary>
    public static string UnescapeSlashes(string path)
    {
        var (pathPart, query) = Split(path);
        if (!pathPart.Contains('%', StringComparison.Ordinal)) return path;
        var decoded = pathPart.Replace("%2F", "/", StringComparison.Ordinal).Replace("%2f", "/", StringComparison.Ordinal)
            .Replace("%5C", "\\", StringComparison.Ordinal).Replace("%5c", "\\", StringComparison.Ordinal);
        return decoded.Length == pathPart.Length ? path : decoded + query;
    }

    /// <summary>Envoy's merge_slashes: runs of '/' in the path part become one; a leading and a trailing '/' are kept.</summary>
    public static string MergeSlashes(string path)
    {
        var (pathPart, query) = Split(path);
        if (!pathPart.Contains("//", StringComparison.Ordinal)) return path;
        var prefix = pathPart.StartsWith('/') ? "/" : "";
        var suffix = pathPart.EndsWith('/') ? "/" : "";
        return prefix + string.Join('/', pathPart.Split('/', StringSplitOptions.RemoveEmptyEntries)) + suffix + query;
    }

    private static (string Path, string Query) Split(string path)
    {
        var q = path.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? (path, "") : (path[..q], path[q..]);
    }
}

namespace Meshc.Runtime.Routing;

/// <summary>
/// What routing sees of a request: the authority, the raw <c>:path</c> (not decoded, not normalized, query included),
/// the method, the scheme and the headers (each name's values joined with ',' as Envoy's matchers see them).
/// </summary>
public sealed record RouteRequest(string Authority, string RawPath, string Method, string Scheme, Func<string, string?> Header)
{
    /// <summary>The value a header matcher sees for <paramref name="name"/>, pseudo headers included; null when absent.</summary>
    public string? Lookup(string name) => name.ToLowerInvariant() switch
    {
        ":authority" or "host" => Authority,
        ":path" => RawPath,
        ":method" => Method,
        ":scheme" => Scheme,
        var other => Header(other),
    };

    /// <summary>The path with the query and fragment removed, as Envoy's PathUtil::removeQueryAndFragment does.</summary>
    public string PathOnly => StripQuery(RawPath);

    /// <summary>The query including its '?', or empty (a fragment is dropped).</summary>
    public string QueryPart
    {
        get
        {
            var q = RawPath.IndexOf('?');
            if (q < 0) return "";
            var hash = RawPath.IndexOf('#');
            return hash >= 0 && hash < q ? "" : hash > q ? RawPath[q..hash] : RawPath[q..];
        }
    }

    public static string StripQuery(string raw)
    {
        var cut = raw.IndexOfAny(['?', '#']);
        return cut < 0 ? raw : raw[..cut];
    }
}

using Meshc.Runtime.Model;
using Meshc.Runtime.Routing;

namespace Meshc.Runtime.Edge;

/// <summary>
/// Everything Envoy checks between the bytes of a request and routing, in Envoy's order, as one pure function of the
/// request and the listener's settings. The HTTP/1 codec first: header count and size (URL included), header names with
/// underscores, Content-Length with chunked Transfer-Encoding, the absolute-form target, HTTP/1.0. Then the connection
/// manager: a Host is required, the path must be relative, and the path is normalized as the listener says
/// (<see cref="PathNormalizer"/>). A request that passes is routed and forwarded with the authority and path returned.
/// </summary>
public static class RequestEdge
{
    public static EdgeVerdict Check(EdgeRequest request, EdgeSettings edge, PathSettings paths)
    {
        var http2 = request.Protocol == EdgeProtocol.Http2;
        // Envoy's codec counts every header line and, against max_request_headers_kb, the URL plus each name and value.
        if (HeaderCount(request) > edge.MaxHeadersCount || HeaderBytes(request) > edge.MaxRequestHeaderBytes)
            return EdgeVerdict.Refuse(http2 ? EdgeRefusal.StreamReset : EdgeRefusal.Codec(431));
        var dropped = new List<string>();
        if (edge.Underscores != UnderscoreHeaders.Allow)
        {
            foreach (var (name, _) in request.Headers.Where(h => h.Key.Contains('_', StringComparison.Ordinal)))
            {
                if (edge.Underscores == UnderscoreHeaders.RejectRequest) return EdgeVerdict.Refuse(http2 ? EdgeRefusal.StreamReset : EdgeRefusal.Codec(400));
                dropped.Add(name);
            }
        }
        if (request.ChunkedWithContentLength && !edge.AllowChunkedLength) return EdgeVerdict.Refuse(EdgeRefusal.Codec(400));

        var authority = request.Host;
        var path = request.Target;
        if (!http2 && edge.AllowAbsoluteUrl && IsAbsoluteForm(request))
        {
            // RFC 9112 §3.2.2: the target's authority replaces the Host header.
            if (!TryParseAbsolute(request.Target, out var scheme, out var hostAndPort, out var rest)
                || !(scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)))
                return EdgeVerdict.Refuse(EdgeRefusal.Codec(400));
            authority = hostAndPort;
            path = rest;
        }
        if (request.Protocol == EdgeProtocol.Http10)
        {
            if (!edge.AcceptHttp10) return EdgeVerdict.Refuse(EdgeRefusal.Codec(426));
            if (string.IsNullOrEmpty(authority) && edge.DefaultHostForHttp10.Length > 0) authority = edge.DefaultHostForHttp10;
        }

        if (string.IsNullOrEmpty(authority)) return EdgeVerdict.Refuse(EdgeRefusal.Local(400, null));
        if (path.Length == 0) return EdgeVerdict.Refuse(EdgeRefusal.Local(404, null));
        if (path[0] != '/') return EdgeVerdict.Refuse(EdgeRefusal.Local(404, "downstream_rq_non_relative_path"));
        var verdict = PathNormalizer.Apply(path, paths);
        return verdict.Outcome switch
        {
            PathOutcome.Continue => new EdgeVerdict(null, authority, verdict.Path, dropped),
            PathOutcome.Reject => EdgeVerdict.Refuse(EdgeRefusal.Local(400, "downstream_rq_failed_path_normalization")),
            // gRPC clients do not follow redirects, so Envoy fails them instead.
            PathOutcome.Redirect when request.IsGrpc => EdgeVerdict.Refuse(EdgeRefusal.Local(400, "downstream_rq_failed_path_normalization")),
            PathOutcome.Redirect => EdgeVerdict.Refuse(EdgeRefusal.Local(307, "downstream_rq_redirected_with_normalized_path") with { Location = verdict.Path }),
            _ => throw new InvalidOperationException($"unhandled path outcome {verdict.Outcome}"),
        };
    }

    /// <summary>Header lines as Envoy counts them: HTTP/2 pseudo-headers are entries of the header map too.</summary>
    public static int HeaderCount(EdgeRequest request) =>
        request.Headers.Count + (request.Protocol == EdgeProtocol.Http2 ? PseudoHeaders(request).Count() : 0);

    /// <summary>
    /// The bytes Envoy holds against <c>max_request_headers_kb</c>: HTTP/1 counts the request URL and each header's name
    /// and value (leading and trailing whitespace of a value excluded); HTTP/2 counts every field, pseudo-headers included.
    /// </summary>
    public static long HeaderBytes(EdgeRequest request)
    {
        long total = request.Protocol == EdgeProtocol.Http2
            ? PseudoHeaders(request).Sum(p => (long)p.Key.Length + p.Value.Length)
            : request.Target.Length;
        foreach (var (name, value) in request.Headers) total += name.Length + value.Length;
        return total;
    }

    private static IEnumerable<KeyValuePair<string, string>> PseudoHeaders(EdgeRequest request)
    {
        yield return new(":method", request.Method);
        yield return new(":scheme", request.Scheme);
        yield return new(":path", request.Target);
        if (request.Host is { } host) yield return new(":authority", host);
    }

    /// <summary>An origin-form target starts with '/', and OPTIONS may ask for '*'; anything else is read as absolute-form.</summary>
    private static bool IsAbsoluteForm(EdgeRequest request) =>
        request.Target.Length > 0 && request.Target[0] != '/' && !HttpMethodIs(request, "CONNECT")
        && !(request.Target[0] == '*' && HttpMethodIs(request, "OPTIONS"));

    private static bool HttpMethodIs(EdgeRequest request, string method) => request.Method.Equals(method, StringComparison.Ordinal);

    /// <summary>
    /// <c>scheme://[userinfo@]host[:port][rest]</c> as Envoy's Url parser splits it: the rest (path, query) defaults to '/'.
    /// </summary>
    private static bool TryParseAbsolute(string target, out string scheme, out string hostAndPort, out string rest)
    {
        scheme = hostAndPort = rest = "";
        var colon = target.IndexOf("://", StringComparison.Ordinal);
        if (colon <= 0) return false;
        scheme = target[..colon];
        var start = colon + 3;
        var end = target.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? target[start..] : target[start..end];
        var at = authority.LastIndexOf('@');
        if (at >= 0) authority = authority[(at + 1)..];
        if (authority.Length == 0) return false;
        hostAndPort = authority;
        rest = end < 0 ? "/" : target[end..];
        return true;
    }
}

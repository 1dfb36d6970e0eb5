using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Meshc.Runtime.Edge;

/// <summary>
/// Reads what Envoy's codec would have seen from what Kestrel parsed: the raw request target, each header line, and
/// the original framing. Kestrel turns Content-Length with chunked Transfer-Encoding into chunked plus an
/// <c>X-Content-Length</c> it adds itself; that header is read back as the Content-Length the client sent.
/// </summary>
public static class EdgeRequestReader
{
    public const string KestrelContentLengthMarker = "X-Content-Length";

    public static EdgeRequest Read(HttpContext ctx)
    {
        var request = ctx.Request;
        var protocol = HttpProtocol.IsHttp2(request.Protocol) ? EdgeProtocol.Http2
            : HttpProtocol.IsHttp10(request.Protocol) ? EdgeProtocol.Http10
            : EdgeProtocol.Http11;
        var chunkedWithLength = request.Headers.ContainsKey(KestrelContentLengthMarker) && request.Headers.ContainsKey("Transfer-Encoding");
        var lines = new List<KeyValuePair<string, string>>(request.Headers.Count);
        foreach (var (name, values) in request.Headers)
        {
            // HTTP/2 carries the authority as a pseudo-header, counted apart; Kestrel shows it as Host.
            if (protocol == EdgeProtocol.Http2 && (name.StartsWith(':') || name.Equals("Host", StringComparison.OrdinalIgnoreCase))) continue;
            var sentName = chunkedWithLength && name.Equals(KestrelContentLengthMarker, StringComparison.OrdinalIgnoreCase) ? "Content-Length" : name;
            foreach (var value in values) lines.Add(new(sentName, value ?? ""));
        }
        var target = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path.Value + request.QueryString.Value;
        string? host = request.Headers.Host is { Count: > 0 } h ? h.ToString() : null;
        return new EdgeRequest(protocol, request.Method, target, host, request.Scheme, lines, chunkedWithLength);
    }
}

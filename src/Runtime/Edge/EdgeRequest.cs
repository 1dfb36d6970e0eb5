namespace Meshc.Runtime.Edge;

/// <summary>The downstream protocol of a request, as Envoy's codecs tell them apart.</summary>
public enum EdgeProtocol { Http10, Http11, Http2 }

/// <summary>
/// What the request edge sees of a request, as Envoy's codec parsed it: the protocol, the method, the request target as
/// sent (HTTP/1) or <c>:path</c> (HTTP/2), the Host or <c>:authority</c> (null when absent), every header line in
/// order of arrival (Host included; each repeated line on its own) and whether the request came with both
/// Content-Length and chunked Transfer-Encoding.
/// </summary>
public sealed record EdgeRequest(
    EdgeProtocol Protocol,
    string Method,
    string Target,
    string? Host,
    string Scheme,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    bool ChunkedWithContentLength)
{
    /// <summary>Whether the request is gRPC (content-type application/grpc, +suffix or ;parameters): local replies take gRPC's shape.</summary>
    public bool IsGrpc => Headers.Any(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase) && IsGrpcContentType(h.Value));

    private static bool IsGrpcContentType(string value) =>
        value.StartsWith("application/grpc", StringComparison.Ordinal)
        && (value.Length == "application/grpc".Length || value["application/grpc".Length] is '+' or ';');
}

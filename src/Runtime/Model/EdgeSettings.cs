namespace Meshc.Runtime.Model;

/// <summary>What a listener's connection manager does with <c>headers_with_underscores_action</c>.</summary>
public enum UnderscoreHeaders { Allow, RejectRequest, DropHeader }

/// <summary>
/// The limits and HTTP/1 options a listener's connection manager applies before routing, with Envoy's defaults:
/// <c>max_request_headers_kb</c> (60), <c>common_http_protocol_options.max_headers_count</c> (100) and
/// <c>headers_with_underscores_action</c> (ALLOW); from <c>http_protocol_options</c>: <c>accept_http_10</c> (false),
/// <c>default_host_for_http_10</c>, <c>allow_absolute_url</c> (true) and <c>allow_chunked_length</c> (false).
/// </summary>
public sealed record EdgeSettings(
    int MaxRequestHeadersKb,
    int MaxHeadersCount,
    UnderscoreHeaders Underscores,
    bool AcceptHttp10,
    string DefaultHostForHttp10,
    bool AllowAbsoluteUrl,
    bool AllowChunkedLength)
{
    public const int DefaultMaxRequestHeadersKb = 60;
    public const int DefaultMaxHeadersCount = 100;

    public static EdgeSettings EnvoyDefault { get; } = new(DefaultMaxRequestHeadersKb, DefaultMaxHeadersCount, UnderscoreHeaders.Allow,
        AcceptHttp10: false, DefaultHostForHttp10: "", AllowAbsoluteUrl: true, AllowChunkedLength: false);

    /// <summary>The request header bytes Envoy allows: the URL plus every header's name and value.</summary>
    public int MaxRequestHeaderBytes => MaxRequestHeadersKb * 1024;
}

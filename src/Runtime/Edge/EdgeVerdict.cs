namespace Meshc.Runtime.Edge;

/// <summary>
/// How Envoy refuses a request before routing. A codec error (<see cref="ProtocolError"/>) is answered with the
/// status's reason phrase as body and closes the connection (HTTP/1), or resets the stream (HTTP/2: <see cref="Reset"/>);
/// a connection manager refusal has an empty body and keeps the connection. <see cref="Stat"/> is the
/// <c>http.&lt;stat_prefix&gt;.</c> counter Envoy adds; <see cref="Location"/> is set on a path redirect.
/// </summary>
public sealed record EdgeRefusal(int Status, string Body, bool ProtocolError, bool Reset, string? Stat, string? Location = null)
{
    public const string ProtocolErrorStat = "downstream_cx_protocol_error";

    /// <summary>An HTTP/1 codec error: the reason phrase as body, the connection closed.</summary>
    public static EdgeRefusal Codec(int status) => new(status, ReasonPhrase(status), ProtocolError: true, Reset: false, ProtocolErrorStat);

    /// <summary>An HTTP/2 codec error: the stream is reset.</summary>
    public static EdgeRefusal StreamReset { get; } = new(0, "", ProtocolError: true, Reset: true, ProtocolErrorStat);

    /// <summary>A connection manager local reply: empty body, the connection kept.</summary>
    public static EdgeRefusal Local(int status, string? stat) => new(status, "", ProtocolError: false, Reset: false, stat);

    private static string ReasonPhrase(int status) => status switch
    {
        400 => "Bad Request",
        426 => "Upgrade Required",
        431 => "Request Header Fields Too Large",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "no codec error with this status"),
    };
}

/// <summary>
/// The edge's answer: a refusal, or the authority and path routing must use (absolute-form and HTTP/1.0 default host
/// applied, the path after the listener's normalization) with the header lines to drop before forwarding.
/// </summary>
public sealed record EdgeVerdict(EdgeRefusal? Refusal, string Authority, string Path, IReadOnlyList<string> DroppedHeaders)
{
    public static EdgeVerdict Refuse(EdgeRefusal refusal) => new(refusal, "", "", []);
}

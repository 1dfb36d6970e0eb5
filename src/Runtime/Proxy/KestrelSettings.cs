using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The Kestrel settings every proxy server shares: no Server header, no body limit (Envoy does not cap a streamed
/// body), and header limits that are ceilings only. Envoy's limits are checked per listener by the request edge
/// (<see cref="Edge.RequestEdge"/>), which counts as Envoy counts; Kestrel's own accounting differs (it adds ": " and
/// CRLF per line and limits the request line apart, answering 414 where Envoy answers 431), so its limits sit well
/// above Envoy's defaults and only bound what one request can make the proxy hold before the edge sees it.
/// Timeouts follow Envoy's connection manager defaults: a connection idles for an hour (<c>idle_timeout</c>), a
/// request's headers may take the stream idle timeout (5 minutes) to arrive, and there is no minimum data rate
/// (Kestrel's 240 B/s would cut slow uploads Envoy serves).
/// </summary>
internal static class KestrelSettings
{
    /// <summary>Header bytes, request line and HTTP/2 field size Kestrel accepts at most: 4 × Envoy's 60 KiB default, rounded up.</summary>
    public const int CeilingBytes = 256 * 1024;

    /// <summary>Header lines Kestrel accepts at most: 5 × Envoy's default of 100.</summary>
    public const int CeilingHeaderCount = 500;

    /// <summary>Envoy's <c>common_http_protocol_options.idle_timeout</c> default.</summary>
    public static readonly TimeSpan ConnectionIdle = TimeSpan.FromHours(1);

    /// <summary>Envoy's <c>stream_idle_timeout</c> default, which covers a request whose headers are still arriving.</summary>
    public static readonly TimeSpan StreamIdle = TimeSpan.FromMinutes(5);

    public static void Apply(KestrelServerOptions k)
    {
        k.AddServerHeader = false;
        k.Limits.MaxRequestBodySize = null;
        k.Limits.MaxRequestHeadersTotalSize = CeilingBytes;
        k.Limits.MaxRequestLineSize = CeilingBytes;
        k.Limits.MaxRequestHeaderCount = CeilingHeaderCount;
        k.Limits.Http2.MaxRequestHeaderFieldSize = CeilingBytes;
        k.Limits.KeepAliveTimeout = ConnectionIdle;
        k.Limits.RequestHeadersTimeout = StreamIdle;
        k.Limits.MinRequestBodyDataRate = null;
        k.Limits.MinResponseDataRate = null;
    }

    /// <summary>
    /// The socket transport runs the request's code on the thread that completed the socket read, and sends from the
    /// thread that flushed, instead of queueing both to Kestrel's I/O queues: two thread hops less per request. Safe
    /// because the proxy's handlers never block a thread (the same reason the socket engine completes inline, see
    /// Program.cs).
    /// </summary>
    public static void Transport(SocketTransportOptions options) => options.UnsafePreferInlineScheduling = true;
}

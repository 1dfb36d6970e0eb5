using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The Kestrel settings every proxy server shares: no Server header, no body limit (Envoy does not cap a streamed
/// body), and header limits that are ceilings only. Envoy's limits are checked per listener by the request edge
/// (<see cref="Edge.RequestEdge"/>), which counts as Envoy counts; Kestrel's own accounting differs (it adds ": " and
/// CRLF per line and limits the request line apart, answering 414 where Envoy answers 431), so its limits sit well
/// above Envoy's defaults and only bound what one request can make the proxy hold before the edge sees it.
/// </summary>
internal static class KestrelSettings
{
    /// <summary>Header bytes, request line and HTTP/2 field size Kestrel accepts at most: 4 × Envoy's 60 KiB default, rounded up.</summary>
    public const int CeilingBytes = 256 * 1024;

    /// <summary>Header lines Kestrel accepts at most: 5 × Envoy's default of 100.</summary>
    public const int CeilingHeaderCount = 500;

    public static void Apply(KestrelServerOptions k)
    {
        k.AddServerHeader = false;
        k.Limits.MaxRequestBodySize = null;
        k.Limits.MaxRequestHeadersTotalSize = CeilingBytes;
        k.Limits.MaxRequestLineSize = CeilingBytes;
        k.Limits.MaxRequestHeaderCount = CeilingHeaderCount;
        k.Limits.Http2.MaxRequestHeaderFieldSize = CeilingBytes;
    }
}

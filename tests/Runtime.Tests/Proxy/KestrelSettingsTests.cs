using Meshc.Runtime.Proxy;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>Kestrel is configured as Envoy's connection manager defaults say, with header ceilings above Envoy's limits.</summary>
public sealed class KestrelSettingsTests
{
    [Fact]
    public void Apply_SetsEnvoysTimeoutsAndNoRateOrBodyLimit()
    {
        var options = new KestrelServerOptions();
        KestrelSettings.Apply(options);
        var limits = options.Limits;
        Assert.Null(limits.MaxRequestBodySize);
        Assert.Null(limits.MinRequestBodyDataRate);
        Assert.Null(limits.MinResponseDataRate);
        Assert.Equal(TimeSpan.FromHours(1), limits.KeepAliveTimeout);        // idle_timeout
        Assert.Equal(TimeSpan.FromMinutes(5), limits.RequestHeadersTimeout); // stream_idle_timeout
        Assert.False(options.AddServerHeader);
    }

    [Fact]
    public void Apply_HeaderCeilingsLeaveRoomAboveEnvoysDefaults()
    {
        var options = new KestrelServerOptions();
        KestrelSettings.Apply(options);
        var limits = options.Limits;
        // Kestrel counts ": " and CRLF on each of up to 100 lines, and the request line apart: it must never refuse first.
        Assert.True(limits.MaxRequestHeadersTotalSize >= 60 * 1024 + 100 * 4);
        Assert.True(limits.MaxRequestLineSize >= 60 * 1024 + "CONNECT  HTTP/1.1\r\n".Length);
        Assert.True(limits.MaxRequestHeaderCount > 100);
        Assert.True(limits.Http2.MaxRequestHeaderFieldSize >= 60 * 1024);
    }

    [Fact]
    public void Apply_KeepsKestrelsHttp2StreamLimit()
    {
        // Envoy allows 2^31-1 concurrent streams; the runtime keeps Kestrel's bound (documented in runtime.md).
        var options = new KestrelServerOptions();
        KestrelSettings.Apply(options);
        Assert.Equal(100, options.Limits.Http2.MaxStreamsPerConnection);
    }
}

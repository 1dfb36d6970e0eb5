using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Meshc.Runtime.Proxy;

/// <summary>The Kestrel settings every proxy server shares: no Server header, no body limit, Envoy's 60 KiB of request headers.</summary>
internal static class KestrelSettings
{
    public static void Apply(KestrelServerOptions k)
    {
        k.AddServerHeader = false;
        k.Limits.MaxRequestBodySize = null;
        k.Limits.MaxRequestHeadersTotalSize = 60 * 1024;
    }
}

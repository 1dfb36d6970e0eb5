using System.Net;
using Meshc.Runtime.Model;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The HTTP connection manager's request header handling (envoy-semantics.md §2): x-forwarded-for append with
/// use_remote_address, internal/external classification, x-envoy-internal / x-envoy-external-address,
/// x-forwarded-proto and x-request-id.
/// </summary>
public static class ConnectionManagerHeaders
{
    public static void Apply(HttpContext ctx, HcmSettings hcm)
    {
        var headers = ctx.Request.Headers;
        var peer = ctx.Connection.RemoteIpAddress ?? IPAddress.Loopback;
        if (peer.IsIPv4MappedToIPv6) peer = peer.MapToIPv4();
        var xff = headers["x-forwarded-for"].ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        bool isInternal;
        if (hcm.UseRemoteAddress)
        {
            isInternal = xff.Length == 0 && hcm.IsInternal(peer);
            headers["x-forwarded-for"] = xff.Length == 0 ? peer.ToString() : string.Join(",", xff) + "," + peer;
        }
        else
        {
            isInternal = xff.Length == 1 && IPAddress.TryParse(xff[0], out var only) && hcm.IsInternal(only);
        }
        if (isInternal) headers["x-envoy-internal"] = "true";
        else
        {
            headers.Remove("x-envoy-internal");
            if (hcm.UseRemoteAddress) headers["x-envoy-external-address"] = peer.ToString();
        }
        // Downstream x-forwarded-proto is trusted only behind trusted hops.
        if (hcm.XffNumTrustedHops == 0) headers["x-forwarded-proto"] = ctx.Request.IsHttps ? "https" : "http";
        if (hcm.GenerateRequestId && (!headers.ContainsKey("x-request-id") || !isInternal))
            headers["x-request-id"] = Guid.NewGuid().ToString();
    }
}

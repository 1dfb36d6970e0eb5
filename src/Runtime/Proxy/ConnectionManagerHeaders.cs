using System.Net;
using Meshc.Runtime.Model;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The HTTP connection manager's request header handling (envoy-semantics.md §2): x-forwarded-for append with
/// use_remote_address, internal/external classification, x-envoy-internal / x-envoy-external-address,
/// x-forwarded-proto and x-request-id. The trusted client address comes from <see cref="TrustedClient"/>.
/// </summary>
public static class ConnectionManagerHeaders
{
    public static void Apply(HttpContext ctx, HcmSettings hcm)
    {
        var headers = ctx.Request.Headers;
        var peer = TrustedClient.Unmapped(ctx.Connection.RemoteIpAddress ?? IPAddress.Loopback);
        var xff = headers["x-forwarded-for"].ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var client = TrustedClient.Compute(peer, xff, hcm.UseRemoteAddress, hcm.XffNumTrustedHops, hcm.IsInternal);
        var isInternal = client.Internal;
        if (hcm.UseRemoteAddress) headers["x-forwarded-for"] = xff.Length == 0 ? peer.ToString() : string.Join(",", xff) + "," + peer;
        if (isInternal) headers["x-envoy-internal"] = "true";
        else
        {
            headers.Remove("x-envoy-internal");
            if (hcm.UseRemoteAddress) headers["x-envoy-external-address"] = client.Address.ToString();
        }
        // Downstream x-forwarded-proto is trusted only behind trusted hops; when absent it is always set.
        if (hcm.XffNumTrustedHops == 0 || !headers.ContainsKey("x-forwarded-proto"))
            headers["x-forwarded-proto"] = ctx.Request.IsHttps ? "https" : "http";
        // Only edge requests (external, with use_remote_address) get a fresh id over the one they carry.
        var edge = !isInternal && hcm.UseRemoteAddress;
        if (hcm.GenerateRequestId && (!headers.ContainsKey("x-request-id") || edge))
            headers["x-request-id"] = Guid.NewGuid().ToString();
    }
}

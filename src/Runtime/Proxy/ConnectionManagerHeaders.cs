using System.Net;
using Meshc.Runtime.Model;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The HTTP connection manager's request header handling (envoy-semantics.md §2): x-forwarded-for append with
/// use_remote_address, internal/external classification, x-envoy-internal / x-envoy-external-address,
/// x-forwarded-proto, x-request-id and the sanitizing of x-envoy-* control headers from external requests. The trusted client address comes from <see cref="TrustedClient"/>.
/// </summary>
public static class ConnectionManagerHeaders
{
    /// <summary>Router control headers Envoy strips from every request that is not internal.</summary>
    private static readonly string[] ExternalSanitized =
    [
        "x-envoy-retry-on", "x-envoy-retry-grpc-on", "x-envoy-max-retries", "x-envoy-upstream-alt-stat-name",
        "x-envoy-upstream-rq-timeout-ms", "x-envoy-upstream-rq-per-try-timeout-ms", "x-envoy-upstream-rq-timeout-alt-response",
        "x-envoy-expected-rq-timeout-ms", "x-envoy-force-trace", "x-envoy-ip-tags",
    ];

    /// <summary>Headers Envoy strips from edge requests only (external, with use_remote_address).</summary>
    private static readonly string[] EdgeSanitized =
        ["x-envoy-decorator-operation", "x-envoy-downstream-service-cluster", "x-envoy-downstream-service-node"];

    public static void Apply(HttpContext ctx, HcmSettings hcm)
    {
        var headers = ctx.Request.Headers;
        var peer = TrustedClient.Unmapped(ctx.Connection.RemoteIpAddress ?? IPAddress.Loopback);
        var xff = headers.TryGetValue("x-forwarded-for", out var xffValue)
            ? xffValue.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        var client = TrustedClient.Compute(peer, xff, hcm.UseRemoteAddress, hcm.XffNumTrustedHops, hcm.IsInternal);
        var isInternal = client.Internal;
        if (hcm.UseRemoteAddress) headers["x-forwarded-for"] = xff.Length == 0 ? peer.ToString() : string.Join(",", xff) + "," + peer;
        if (isInternal) headers["x-envoy-internal"] = "true";
        else
        {
            headers.Remove("x-envoy-internal");
            foreach (var name in ExternalSanitized) headers.Remove(name);
            if (hcm.UseRemoteAddress)
            {
                foreach (var name in EdgeSanitized) headers.Remove(name);
                headers["x-envoy-external-address"] = client.Address.ToString();
            }
        }
        // Downstream x-forwarded-proto is trusted only behind trusted hops; when absent it is always set.
        if (hcm.XffNumTrustedHops == 0 || !headers.ContainsKey("x-forwarded-proto"))
            headers["x-forwarded-proto"] = ctx.Request.IsHttps ? "https" : "http";
        // Only edge requests (external, with use_remote_address) get a fresh id over the one they carry.
        var edge = !isInternal && hcm.UseRemoteAddress;
        if (hcm.GenerateRequestId && (!headers.ContainsKey("x-request-id") || edge))
            headers["x-request-id"] = RequestId.New();
    }
}

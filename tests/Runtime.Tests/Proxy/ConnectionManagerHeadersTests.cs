using System.Net;
using Meshc.Runtime.Model;
using Meshc.Runtime.Proxy;
using Microsoft.AspNetCore.Http;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>The trusted client address and the headers that follow from it, table by table (envoy-semantics.md §2).</summary>
public sealed class ConnectionManagerHeadersTests
{
    private static readonly HcmSettings Rfc1918 = HcmSettings.Default with
    {
        InternalRanges = [new CidrRange(IPAddress.Parse("10.0.0.0"), 8), new CidrRange(IPAddress.Parse("192.168.0.0"), 16)],
    };

    private static string[] Xff(string xff) => xff.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    // use_remote_address: the peer, or the Nth XFF entry from the right (before the peer is appended).
    [InlineData(true, 0u, "203.0.113.9", "", "203.0.113.9", false)]
    [InlineData(true, 0u, "10.0.0.2", "", "10.0.0.2", true)]
    [InlineData(true, 0u, "10.0.0.2", "192.168.1.1", "10.0.0.2", false)]
    [InlineData(true, 1u, "10.0.0.2", "198.51.100.1,192.168.1.1", "192.168.1.1", false)]
    [InlineData(true, 2u, "10.0.0.2", "198.51.100.1,192.168.1.1", "198.51.100.1", false)]
    [InlineData(true, 3u, "10.0.0.2", "198.51.100.1,192.168.1.1", "10.0.0.2", false)]
    [InlineData(true, 1u, "10.0.0.2", "", "10.0.0.2", true)]
    [InlineData(true, 1u, "10.0.0.2", "not-an-ip", "10.0.0.2", false)]
    // Without use_remote_address: the (N+1)th from the right; internal only for a single internal XFF entry.
    [InlineData(false, 0u, "10.0.0.2", "", "10.0.0.2", false)]
    [InlineData(false, 0u, "203.0.113.9", "10.1.2.3", "10.1.2.3", true)]
    [InlineData(false, 0u, "203.0.113.9", "198.51.100.1", "198.51.100.1", false)]
    [InlineData(false, 0u, "10.0.0.2", "198.51.100.1, 10.1.2.3", "10.1.2.3", false)]
    [InlineData(false, 1u, "10.0.0.2", "198.51.100.1,10.1.2.3", "198.51.100.1", false)]
    [InlineData(false, 1u, "10.0.0.2", "10.1.2.3", "10.0.0.2", false)]
    [InlineData(false, 2u, "10.0.0.2", "192.168.0.7,198.51.100.1,10.1.2.3", "192.168.0.7", false)]
    public void TrustedClient_HopsAndRemoteAddress_PickEnvoysAddress(bool useRemote, uint hops, string peer, string xff, string client, bool isInternal)
    {
        var result = TrustedClient.Compute(IPAddress.Parse(peer), Xff(xff), useRemote, hops, Rfc1918.IsInternal);
        Assert.Equal((IPAddress.Parse(client), isInternal), (result.Address, result.Internal));
    }

    private static IHeaderDictionary Apply(HcmSettings hcm, string peer, params (string Name, string Value)[] headers)
    {
        var ctx = new DefaultHttpContext();
        ctx.Connection.RemoteIpAddress = IPAddress.Parse(peer);
        foreach (var (name, value) in headers) ctx.Request.Headers[name] = value;
        ConnectionManagerHeaders.Apply(ctx, hcm);
        return ctx.Request.Headers;
    }

    [Fact]
    public void Headers_TrustedHopBehindTheEdge_ExternalAddressIsTheClientAndProtoIsKept()
    {
        var headers = Apply(Rfc1918 with { UseRemoteAddress = true, XffNumTrustedHops = 1 }, "10.0.0.2",
            ("x-forwarded-for", "198.51.100.1"), ("x-forwarded-proto", "https"), ("x-envoy-internal", "true"));
        Assert.Equal("198.51.100.1,10.0.0.2", headers["x-forwarded-for"].ToString());
        Assert.Equal("198.51.100.1", headers["x-envoy-external-address"].ToString());
        Assert.False(headers.ContainsKey("x-envoy-internal"));
        Assert.Equal("https", headers["x-forwarded-proto"].ToString());
    }

    [Fact]
    public void Headers_NoTrustedHops_ProtoIsOverwrittenAndAnEdgeRequestIdRegenerated()
    {
        var headers = Apply(Rfc1918 with { UseRemoteAddress = true }, "203.0.113.9",
            ("x-forwarded-proto", "https"), ("x-request-id", "client-chosen"));
        Assert.Equal("http", headers["x-forwarded-proto"].ToString());
        Assert.Equal("203.0.113.9", headers["x-envoy-external-address"].ToString());
        Assert.NotEqual("client-chosen", headers["x-request-id"].ToString());
        Assert.True(Guid.TryParse(headers["x-request-id"].ToString(), out _));
    }

    [Theory]
    [InlineData(true, "10.0.0.2", true)]
    [InlineData(false, "203.0.113.9", true)]
    [InlineData(true, "203.0.113.9", false)]
    public void Headers_RequestId_IsKeptUnlessTheRequestIsAnEdgeRequest(bool useRemote, string peer, bool kept)
    {
        var headers = Apply(Rfc1918 with { UseRemoteAddress = useRemote }, peer, ("x-request-id", "client-chosen"));
        Assert.Equal(kept, headers["x-request-id"].ToString() == "client-chosen");
        Assert.Equal("http", headers["x-forwarded-proto"].ToString());
    }

    [Theory]
    [InlineData(true, "203.0.113.9", false, false)]
    [InlineData(true, "10.0.0.2", true, true)]
    [InlineData(false, "203.0.113.9", false, true)]
    public void Headers_EnvoyControlHeaders_AreStrippedFromExternalRequests(bool useRemote, string peer, bool controlKept, bool serviceClusterKept)
    {
        var headers = Apply(Rfc1918 with { UseRemoteAddress = useRemote }, peer,
            ("x-envoy-retry-on", "5xx"), ("x-envoy-max-retries", "9"), ("x-envoy-upstream-rq-timeout-ms", "1"),
            ("x-envoy-downstream-service-cluster", "front"), ("x-envoy-attempt-count", "3"));
        Assert.Equal(controlKept, headers.ContainsKey("x-envoy-retry-on"));
        Assert.Equal(controlKept, headers.ContainsKey("x-envoy-max-retries"));
        Assert.Equal(controlKept, headers.ContainsKey("x-envoy-upstream-rq-timeout-ms"));
        Assert.Equal(serviceClusterKept, headers.ContainsKey("x-envoy-downstream-service-cluster"));
        Assert.True(headers.ContainsKey("x-envoy-attempt-count"));
    }
}

using Meshc.Runtime.Routing;
using Meshc.Runtime.Tests.Support;

namespace Meshc.Runtime.Tests.Proxy;

/// <summary>
/// The path a request is routed by is the path the backend receives, under every listener setting: raw by default
/// (Cilium's Gateway and CiliumEnvoyConfig listeners), normalized when the listener asks (Envoy's CVE cases).
/// </summary>
public sealed class PathHandlingEndToEndTests
{
    private static string Get(string target, string extra = "") => $"GET {target} HTTP/1.1\r\nHost: a.example\r\n{extra}Connection: close\r\n\r\n";

    [Theory]
    [InlineData("/echo/../other")]
    [InlineData("/echo/%2e%2e/other")]
    [InlineData("/echo/%2E%2E/other?q=/../x")]
    [InlineData("/echo/./x")]
    [InlineData("/echo%2Fx")]
    public async Task DefaultListener_ForwardsTheRawPathItRouted(string target)
    {
        await using var rig = await EdgeRig.StartAsync();
        var response = await RawHttp.Send(rig.Port, Get(target));
        Assert.Equal(200, response.Status);
        // Routed by the /echo rule, so the echo backend must get exactly the path that rule saw (CVE-2019-9901).
        var received = Assert.Single(rig.Received);
        Assert.Equal(("echo", target), (received.Backend, received.Target));
    }

    [Theory]
    [InlineData("//echo", "other", "//echo")]
    [InlineData("/other/../echo", "other", "/other/../echo")]
    public async Task DefaultListener_MatchesTheRawPath(string target, string backend, string forwarded)
    {
        await using var rig = await EdgeRig.StartAsync();
        Assert.Equal(200, (await RawHttp.Send(rig.Port, Get(target))).Status);
        Assert.Equal((backend, forwarded), (rig.Received.Single().Backend, rig.Received.Single().Target));
    }

    [Theory]
    [InlineData("/echo/../other", "other", "/other")]
    [InlineData("/echo/%2e%2e/other", "other", "/other")]
    [InlineData("/other/../echo/x?y=/../z", "echo", "/echo/x?y=/../z")]
    [InlineData("/other/%2E%2E/echo", "echo", "/echo")]
    [InlineData("/echo/%41%42", "echo", "/echo/AB")]
    public async Task NormalizePath_RoutesAndForwardsTheNormalizedPath(string target, string backend, string forwarded)
    {
        await using var rig = await EdgeRig.StartAsync(h => h with { Paths = new PathSettings(true, false, EscapedSlashesAction.KeepUnchanged) });
        Assert.Equal(200, (await RawHttp.Send(rig.Port, Get(target))).Status);
        Assert.Equal((backend, forwarded), (rig.Received.Single().Backend, rig.Received.Single().Target));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NulInThePath_Is400AndNeverForwarded(bool normalize)
    {
        // Envoy refuses it when normalizing (the canonicalizer fails); Kestrel refuses an escaped NUL in any path.
        await using var rig = await EdgeRig.StartAsync(h => h with { Paths = new PathSettings(normalize, false, EscapedSlashesAction.KeepUnchanged) });
        Assert.Equal(400, (await RawHttp.Send(rig.Port, Get("/echo/%00/x"))).Status);
        Assert.Empty(rig.Received);
    }

    [Fact]
    public async Task MergeSlashes_RoutesAndForwardsTheMergedPath()
    {
        await using var rig = await EdgeRig.StartAsync(h => h with { Paths = new PathSettings(false, true, EscapedSlashesAction.KeepUnchanged) });
        Assert.Equal(200, (await RawHttp.Send(rig.Port, Get("//echo//a?b=//c"))).Status);
        Assert.Equal(("echo", "/echo/a?b=//c"), (rig.Received.Single().Backend, rig.Received.Single().Target));
    }

    [Theory]
    [InlineData(EscapedSlashesAction.RejectRequest, 400, null)]
    [InlineData(EscapedSlashesAction.UnescapeAndRedirect, 307, "/echo/x")]
    public async Task EscapedSlashes_RejectOrRedirectWithoutForwarding(EscapedSlashesAction action, int status, string? location)
    {
        await using var rig = await EdgeRig.StartAsync(h => h with { Paths = new PathSettings(false, false, action) });
        var response = await RawHttp.Send(rig.Port, Get("/echo%2Fx"));
        Assert.Equal(status, response.Status);
        Assert.Equal(location, response.Header("location"));
        Assert.Empty(rig.Received);
        Assert.Equal(1, rig.Stat(status == 307
            ? "http.test.downstream_rq_redirected_with_normalized_path"
            : "http.test.downstream_rq_failed_path_normalization"));
    }

    [Fact]
    public async Task EscapedSlashes_UnescapeAndForward_RoutesTheUnescapedPath()
    {
        await using var rig = await EdgeRig.StartAsync(h => h with { Paths = new PathSettings(false, false, EscapedSlashesAction.UnescapeAndForward) });
        Assert.Equal(200, (await RawHttp.Send(rig.Port, Get("/other%2F..%2Fecho"))).Status);
        Assert.Equal(("other", "/other/../echo"), (rig.Received.Single().Backend, rig.Received.Single().Target));
    }

    [Fact]
    public async Task CiliumPolicyListenerSettings_RedirectEscapedSlashesToTheNormalizedPath()
    {
        // What Cilium's own L7-policy listener sets (agent flag http-normalize-path, default true).
        await using var rig = await EdgeRig.StartAsync(h => h with { Paths = new PathSettings(true, true, EscapedSlashesAction.UnescapeAndRedirect) });
        var response = await RawHttp.Send(rig.Port, Get("/other%2F..%2F%2Fecho?x=%2F"));
        Assert.Equal(307, response.Status);
        Assert.Equal("/echo?x=%2F", response.Header("location"));
        Assert.Equal(200, (await RawHttp.Send(rig.Port, Get("//other/./../echo"))).Status);
        Assert.Equal(("echo", "/echo"), (rig.Received.Single().Backend, rig.Received.Single().Target));
    }

    [Fact]
    public async Task EscapedSlashRedirect_ForGrpc_IsAGrpcInternalError()
    {
        await using var rig = await EdgeRig.StartAsync(h => h with { Paths = new PathSettings(false, false, EscapedSlashesAction.UnescapeAndRedirect) });
        var response = await RawHttp.Send(rig.Port, Get("/echo%2Fx", "Content-Type: application/grpc\r\n"));
        Assert.Equal(200, response.Status);
        Assert.Equal("13", response.Header("grpc-status"));
        Assert.Equal(1, rig.Stat("http.test.downstream_rq_failed_path_normalization"));
    }

    [Theory]
    [InlineData("/echo#frag")]
    [InlineData("/echo?a=1#frag")]
    public async Task Fragment_Is400AndNeverForwarded(string target)
    {
        await using var rig = await EdgeRig.StartAsync();
        Assert.Equal(400, (await RawHttp.Send(rig.Port, Get(target))).Status);
        Assert.Empty(rig.Received);
    }
}

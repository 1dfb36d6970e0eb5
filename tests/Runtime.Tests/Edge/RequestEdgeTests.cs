using Meshc.Runtime.Edge;
using Meshc.Runtime.Model;
using Meshc.Runtime.Routing;

namespace Meshc.Runtime.Tests.Edge;

/// <summary>The request edge as a function: Envoy's order of checks and what each one answers.</summary>
public sealed class RequestEdgeTests
{
    private static EdgeRequest Request(string target = "/a", EdgeProtocol protocol = EdgeProtocol.Http11, string method = "GET",
        string? host = "h", bool chunkedWithLength = false, params (string Name, string Value)[] headers) =>
        new(protocol, method, target, host, "http",
            [.. (host is null || protocol == EdgeProtocol.Http2 ? [] : new[] { new KeyValuePair<string, string>("Host", host) }),
             .. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
            chunkedWithLength);

    private static EdgeVerdict Check(EdgeRequest request, EdgeSettings? edge = null, PathSettings? paths = null) =>
        RequestEdge.Check(request, edge ?? EdgeSettings.EnvoyDefault, paths ?? PathSettings.EnvoyDefault);

    [Fact]
    public void Pass_GivesTheAuthorityAndThePathToRoute()
    {
        var verdict = Check(Request("/a/../b?x=1"));
        Assert.Null(verdict.Refusal);
        Assert.Equal(("h", "/a/../b?x=1"), (verdict.Authority, verdict.Path));
    }

    [Fact]
    public void Limits_ComeBeforeEverythingElse()
    {
        // An HTTP/1.0 request that is also too large: the codec stops at the headers, before it sees the version.
        var big = Request(protocol: EdgeProtocol.Http10, headers: ("x", new string('v', 61440)));
        Assert.Equal(431, Check(big).Refusal?.Status);
    }

    [Theory]
    [InlineData(61440, null)]
    [InlineData(61441, 431)]
    public void HeaderBytes_UrlPlusNamesAndValues(int total, int? status)
    {
        // "/a" + "Host" + "h" + "x" + value = total
        var request = Request(headers: ("x", new string('v', total - 2 - 4 - 1 - 1)));
        Assert.Equal(total, RequestEdge.HeaderBytes(request));
        Assert.Equal(status, Check(request).Refusal?.Status);
    }

    [Fact]
    public void Http2_LimitsCountPseudoHeadersAndResetTheStream()
    {
        var request = Request(protocol: EdgeProtocol.Http2, headers: [.. Enumerable.Range(0, 96).Select(i => ($"x{i}", "v"))]);
        Assert.Equal(100, RequestEdge.HeaderCount(request));
        Assert.Null(Check(request).Refusal);
        var over = request with { Headers = [.. request.Headers, new("y", "v")] };
        Assert.True(Check(over).Refusal?.Reset);
    }

    [Fact]
    public void Http10_Is426UnlessAccepted_ThenTheDefaultHostFillsIn()
    {
        var request = Request(protocol: EdgeProtocol.Http10, host: null);
        Assert.Equal((426, "Upgrade Required", true), (Check(request).Refusal!.Status, Check(request).Refusal!.Body, Check(request).Refusal!.ProtocolError));
        var accepting = EdgeSettings.EnvoyDefault with { AcceptHttp10 = true };
        Assert.Equal(400, Check(request, accepting).Refusal?.Status);
        Assert.Equal("d", Check(request, accepting with { DefaultHostForHttp10 = "d" }).Authority);
        Assert.Equal("h", Check(Request(protocol: EdgeProtocol.Http10), accepting with { DefaultHostForHttp10 = "d" }).Authority);
    }

    [Theory]
    [InlineData("http://x.example/p?q", "x.example", "/p?q")]
    [InlineData("HTTP://x.example:81", "x.example:81", "/")]
    [InlineData("https://u@x.example/p", "x.example", "/p")]
    public void AbsoluteForm_TakesTheAuthorityAndPathOfTheTarget(string target, string authority, string path)
    {
        var verdict = Check(Request(target));
        Assert.Equal((authority, path), (verdict.Authority, verdict.Path));
    }

    [Theory]
    [InlineData("ftp://x.example/p", 400)]
    [InlineData("http:///p", 400)]
    [InlineData("x.example/p", 400)]
    public void AbsoluteForm_Invalid_Is400(string target, int status) => Assert.Equal(status, Check(Request(target)).Refusal?.Status);

    [Fact]
    public void AbsoluteForm_NotAllowed_IsANonRelativePath()
    {
        var refusal = Check(Request("http://x.example/p"), EdgeSettings.EnvoyDefault with { AllowAbsoluteUrl = false }).Refusal;
        Assert.Equal((404, "downstream_rq_non_relative_path"), (refusal?.Status, refusal?.Stat));
    }

    [Fact]
    public void Asterisk_IsANonRelativePath() =>
        Assert.Equal(404, Check(Request("*", method: "OPTIONS")).Refusal?.Status);

    [Fact]
    public void ChunkedWithContentLength_Is400UnlessAllowed()
    {
        Assert.Equal(400, Check(Request(chunkedWithLength: true)).Refusal?.Status);
        Assert.Null(Check(Request(chunkedWithLength: true), EdgeSettings.EnvoyDefault with { AllowChunkedLength = true }).Refusal);
    }

    [Fact]
    public void Underscores_DropListsTheHeaders()
    {
        var verdict = Check(Request(headers: ("x_a", "1")), EdgeSettings.EnvoyDefault with { Underscores = UnderscoreHeaders.DropHeader });
        Assert.Equal(["x_a"], verdict.DroppedHeaders);
    }

    [Fact]
    public void PathRedirect_CarriesTheLocation()
    {
        var refusal = Check(Request("/a%2Fb"), paths: new PathSettings(false, false, EscapedSlashesAction.UnescapeAndRedirect)).Refusal;
        Assert.Equal((307, "/a/b", false), (refusal?.Status, refusal?.Location, refusal?.ProtocolError));
    }
}

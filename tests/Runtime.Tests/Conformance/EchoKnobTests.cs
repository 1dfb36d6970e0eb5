using Meshc.Runtime.Proxy;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>The demo echo backend's knobs the conformance rows rely on: the delay parameter and X-Echo-Set-Header.</summary>
public sealed class EchoKnobTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("1s", 1000)]
    [InlineData("0.25s", 250)]
    [InlineData("2m", 30_000)]
    public void ParseDelay_DurationText_IsThatSpanCapped(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DemoBackends.ParseDelay(text));

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("abc")]
    [InlineData("-1s")]
    public void ParseDelay_NotADuration_IsNull(string text) => Assert.Null(DemoBackends.ParseDelay(text));

    [Fact]
    public void EchoSetHeaders_NameColonValueList_GivesEachPairAndSkipsMalformed() =>
        Assert.Equal([("X-A", "1"), ("X-B", "two: parts")], DemoBackends.EchoSetHeaders("X-A:1, X-B: two: parts ,broken,:novalue"));

    [Fact]
    public void NamespaceOf_ServiceKey_IsTheNamespaceOrEmpty()
    {
        Assert.Equal("gateway-conformance-infra", DemoBackends.NamespaceOf("gateway-conformance-infra/infra-backend-v1:8080"));
        Assert.Equal("", DemoBackends.NamespaceOf("echo-1"));
    }
}

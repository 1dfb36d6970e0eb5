using Meshc.EnvoyApi.Validation;

namespace Meshc.EnvoyApi.Tests;

public class WellKnownFormatsTests
{
    [Theory]
    [InlineData("x-request-id", true, true)]
    [InlineData(":authority", true, true)]
    [InlineData("has space", false, true)]
    [InlineData("bad\nname", false, false)]
    [InlineData("trailing\n", false, false)] // .NET's $ would accept this; \z must not
    [InlineData("nul\0", false, false)]
    [InlineData("", false, true)]
    public void IsHeaderName_StrictAndLoose_FollowPgvRegexes(string name, bool strictOk, bool looseOk)
    {
        Assert.Equal(strictOk, WellKnownFormats.IsHeaderName(name, strict: true));
        Assert.Equal(looseOk, WellKnownFormats.IsHeaderName(name, strict: false));
    }

    [Theory]
    [InlineData("text/html; charset=utf-8", true)]
    [InlineData("tab\tis fine", true)]
    [InlineData("cr\r", false)]
    [InlineData("del\u007f", false)]
    public void IsHeaderValue_Strict_RejectsControlCharactersButTab(string value, bool ok)
    {
        Assert.Equal(ok, WellKnownFormats.IsHeaderValue(value, strict: true));
    }

    [Theory]
    [InlineData("backend.default.svc.cluster.local", true)]
    [InlineData("example.com.", true)]
    [InlineData("-bad.example", false)]
    [InlineData("under_score.example", false)]
    [InlineData("a..b", false)]
    [InlineData("", false)]
    public void IsHostname_Labels_AreChecked(string host, bool ok)
    {
        Assert.Equal(ok, WellKnownFormats.IsHostname(host));
    }

    [Theory]
    [InlineData("10.0.0.1", true, false)]
    [InlineData("010.0.0.1", false, false)]
    [InlineData("1", false, false)]
    [InlineData("::1", false, true)]
    [InlineData("fe80::1%eth0", false, false)]
    [InlineData("256.0.0.1", false, false)]
    public void IsIPv4AndIsIPv6_AcceptOnlyPlainAddresses(string text, bool v4, bool v6)
    {
        Assert.Equal(v4, WellKnownFormats.IsIPv4(text));
        Assert.Equal(v6, WellKnownFormats.IsIPv6(text));
        Assert.Equal(v4 || v6, WellKnownFormats.IsIP(text));
    }

    [Theory]
    [InlineData("https://example.com/x", true)]
    [InlineData("/relative/path", false)]
    public void IsUri_RequiresAScheme(string text, bool ok)
    {
        Assert.Equal(ok, WellKnownFormats.IsUri(text));
        Assert.True(WellKnownFormats.IsUriReference(text));
    }

    [Fact]
    public void IsEmailAndIsUuid_AcceptCanonicalForms()
    {
        Assert.True(WellKnownFormats.IsEmail("ops@example.com"));
        Assert.False(WellKnownFormats.IsEmail("Ops <ops@example.com>"));
        Assert.True(WellKnownFormats.IsUuid("123e4567-e89b-12d3-a456-426614174000"));
        Assert.False(WellKnownFormats.IsUuid("123e4567e89b12d3a456426614174000"));
    }
}

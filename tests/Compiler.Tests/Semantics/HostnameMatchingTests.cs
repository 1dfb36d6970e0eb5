using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Tests.Semantics;

public class HostnameMatchingTests
{
    [Theory]
    [InlineData("foo.example.com", "*.example.com", true)]
    [InlineData("a.b.example.com", "*.example.com", true)]
    [InlineData("example.com", "*.example.com", false)]
    [InlineData("fooexample.com", "*.example.com", false)]
    [InlineData("*.foo.example.com", "*.example.com", true)]
    [InlineData("*.example.com", "*.foo.example.com", false)]
    [InlineData("foo.example.com", "foo.example.com", false)]
    [InlineData("anything.io", "*", true)]
    public void MatchesWildcard_Cases_FollowSuffixRule(string hostname, string wildcard, bool expected) =>
        Assert.Equal(expected, HostnameMatching.MatchesWildcard(hostname, wildcard));

    [Theory]
    [InlineData(null, "foo.com", "foo.com")]
    [InlineData("", "*.foo.com", "*.foo.com")]
    [InlineData("foo.com", "foo.com", "foo.com")]
    [InlineData("*.example.com", "a.example.com", "a.example.com")]
    [InlineData("a.example.com", "*.example.com", "a.example.com")]
    [InlineData("*.example.com", "*.foo.example.com", "*.foo.example.com")]
    [InlineData("*.foo.example.com", "*.example.com", "*.foo.example.com")]
    [InlineData("*.example.com", "example.com", null)]
    [InlineData("*.a.com", "*.b.com", null)]
    [InlineData("foo.com", "bar.com", null)]
    [InlineData("foo.com", "*", "foo.com")]
    public void Intersect_ListenerAndRoute_GivesMoreSpecificOrNull(string? listener, string route, string? expected) =>
        Assert.Equal(expected, HostnameMatching.Intersect(listener, route));

    [Fact]
    public void ComputeHosts_NoRouteHostnames_GivesListenerHostnameOrAll()
    {
        Assert.Equal(["*.example.com"], HostnameMatching.ComputeHosts([], "*.example.com", []));
        Assert.Equal([HostnameMatching.All], HostnameMatching.ComputeHosts([], null, ["a.com"]));
    }

    [Fact]
    public void ComputeHosts_SomeRouteHostnamesOutsideListener_KeepsOnlyMatchingOnes() =>
        Assert.Equal(["test.example.com"],
            HostnameMatching.ComputeHosts(["test.example.com", "test.example.net"], "*.example.com", []));

    [Fact]
    public void ComputeHosts_NoIntersection_GivesEmpty() =>
        Assert.Empty(HostnameMatching.ComputeHosts(["a.org"], "*.example.com", []));

    [Fact]
    public void ComputeHosts_ExactOtherListener_IsolatesHostFromCatchAll() =>
        Assert.Equal(["b.com"], HostnameMatching.ComputeHosts(["a.com", "b.com"], null, ["a.com"]));

    [Fact]
    public void ComputeHosts_NarrowerWildcardListener_IsolatesHostFromWiderWildcard()
    {
        var others = new[] { "*.foo.example.com", "abc.foo.example.com" };
        Assert.Equal(["x.example.com"],
            HostnameMatching.ComputeHosts(["x.foo.example.com", "abc.foo.example.com", "x.example.com"], "*.example.com", others));
    }

    [Fact]
    public void ComputeHosts_WiderWildcardListener_DoesNotIsolateNarrowerOne() =>
        Assert.Equal(["x.foo.example.com"],
            HostnameMatching.ComputeHosts(["x.foo.example.com"], "*.foo.example.com", ["*.example.com", null]));

    [Fact]
    public void ComputeHosts_RouteWildcardOnNarrowerListener_KeepsListenerWildcardDespiteWiderSibling() =>
        Assert.Equal(["*.foo.example.com"],
            HostnameMatching.ComputeHosts(["*.example.com"], "*.foo.example.com", ["*.example.com"]));

    [Fact]
    public void ComputeHosts_ManyResults_SortedMostSpecificFirstWithoutRepeats() =>
        Assert.Equal(["a.b.example.com", "z.com", "*.b.example.com", "*.example.com"],
            HostnameMatching.ComputeHosts(["*.example.com", "z.com", "a.b.example.com", "*.b.example.com", "z.com"], null, []));

    [Fact]
    public void CompareSpecificity_Order_PreciseThenLongerWildcardsThenAll()
    {
        var sorted = new[] { "*", "*.com", "b.com", "*.a.b.com", "a.b.com" }.Order(HostnameMatching.SpecificityComparer.Instance);
        Assert.Equal(["a.b.com", "b.com", "*.a.b.com", "*.com", "*"], sorted);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("*.example.com")]
    [InlineData("a-b.c0.io")]
    [InlineData("localhost")]
    public void Validate_ValidHostnames_GivesNull(string hostname) => Assert.Null(HostnameMatching.Validate(hostname));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("*", "first label")]
    [InlineData("foo.*.com", "first label")]
    [InlineData("Example.com", "lower case")]
    [InlineData("10.0.0.1", "IP addresses")]
    [InlineData("a..com", "empty label")]
    [InlineData("-a.com", "start and end")]
    [InlineData("a_b.com", "a-z, 0-9")]
    [InlineData("foo.com:80", "a-z, 0-9")]
    public void Validate_InvalidHostnames_SaysWhy(string hostname, string reasonPart) =>
        Assert.Contains(reasonPart, HostnameMatching.Validate(hostname));

    [Fact]
    public void Validate_WildcardWhereNotAllowed_SaysSo() =>
        Assert.Contains("wildcard", HostnameMatching.Validate("*.a.com", allowWildcard: false));

    [Fact]
    public void Validate_TooLong_SaysSo() =>
        Assert.Contains("253", HostnameMatching.Validate(string.Join('.', Enumerable.Repeat("abcdefghi", 30))));

    [Fact]
    public void Validate_LongLabel_SaysSo() => Assert.Contains("63", HostnameMatching.Validate(new string('a', 64) + ".com"));
}

using Meshc.Runtime.Routing;

namespace Meshc.Runtime.Tests.Routing;

/// <summary>
/// The connection manager's path handling against Envoy's own expectations (test/common/http/path_utility_test.cc and
/// ConnectionManagerUtility::maybeNormalizePath) and the route-bypass CVEs it closes.
/// </summary>
public sealed class PathNormalizerTests
{
    private static readonly PathSettings Normalize = new(true, false, EscapedSlashesAction.KeepUnchanged);
    private static readonly PathSettings Merge = new(false, true, EscapedSlashesAction.KeepUnchanged);

    // The settings of Cilium's own L7-policy listener (agent flag http-normalize-path, default true).
    private static readonly PathSettings CiliumPolicy = PathSettings.CiliumPolicyListener;

    [Theory]
    [InlineData("/xyz", "/xyz")]
    [InlineData("/x/y/z", "/x/y/z")]
    [InlineData("/a/b/../c", "/a/c")]
    [InlineData("/a/b/./c", "/a/b/c")]
    [InlineData("a/b/../c", "/a/c")]
    [InlineData("/a/b/../../../../c", "/c")]
    [InlineData("/a/..\\c", "/c")]
    [InlineData("/%c0%af", "/%c0%af")]
    [InlineData("/%5c%25", "/%5c%25")]
    [InlineData("/a/b/%2E%2E/c", "/a/c")]
    [InlineData("/a/b/%2e%2e/c", "/a/c")]
    [InlineData("/a/b/%2E./c", "/a/c")]
    [InlineData("/a/b/%2E/c", "/a/b/c")]
    [InlineData("..", "/")]
    [InlineData("/../a/b", "/a/b")]
    [InlineData("/./a/b", "/a/b")]
    [InlineData("/A/B/C", "/A/B/C")]
    [InlineData("/a/%2F%2f/c", "/a/%2F%2f/c")]
    public void Canonicalize_EnvoyCases(string path, string expected) => Assert.Equal(expected, PathCanonicalizer.Canonicalize(path));

    [Theory]
    [InlineData("/xyz/.%00../abc")]
    [InlineData("/xyz/%00.%00./abc")]
    [InlineData("/xyz/AAAAA%%0000/abc")]
    public void Canonicalize_EnvoyInvalidPaths_Fail(string path) => Assert.Null(PathCanonicalizer.Canonicalize(path));

    [Theory]
    [InlineData("/a/%41%7e%2D", "/a/A~-")]      // escapes of unreserved characters are decoded
    [InlineData("/a b", "/a%20b")]              // characters a path cannot hold raw are escaped
    [InlineData("/a/%zz/b", "/a/%zz/b")]        // a broken escape passes through
    [InlineData("/a//b/../c", "/a//c")]         // empty segments are segments: merging is merge_slashes' job
    [InlineData("/a/..b/c", "/a/..b/c")]        // dots inside a name mean nothing
    public void Canonicalize_ChromiumRules(string path, string expected) => Assert.Equal(expected, PathCanonicalizer.Canonicalize(path));

    [Theory]
    [InlineData("", "")]
    [InlineData("a//b/c", "a/b/c")]
    [InlineData("/a//b/c/", "/a/b/c/")]
    [InlineData("a//b/c/", "a/b/c/")]
    [InlineData("/a", "/a")]
    [InlineData("//a/b/c", "/a/b/c")]
    [InlineData("/a//b/c", "/a/b/c")]
    [InlineData("/a/b/c//", "/a/b/c/")]
    [InlineData("/a///b/c", "/a/b/c")]
    [InlineData("/a////b/c", "/a/b/c")]
    [InlineData("/a//b?a=///c", "/a/b?a=///c")]
    [InlineData("/a//b?", "/a/b?")]
    [InlineData("//a/?b", "/a/?b")]
    [InlineData("//", "//")]            // a leading and a trailing slash are kept even when they are the same run
    [InlineData("///?x", "//?x")]
    public void MergeSlashes_EnvoyCases(string path, string expected) => Assert.Equal(expected, PathNormalizer.MergeSlashes(path));

    [Theory]
    [InlineData("%2fa%5Cb%2fc%5c", "/a\\b/c\\")]
    [InlineData("%2fa%5Cb%2fc%5c?%2fabcd%5C%%2f%", "/a\\b/c\\?%2fabcd%5C%%2f%")]
    [InlineData("/a%2Fb", "/a/b")]
    public void UnescapeSlashes_EnvoyCases(string path, string expected) => Assert.Equal(expected, PathNormalizer.UnescapeSlashes(path));

    [Fact]
    public void Apply_EnvoyDefaults_LeaveTheRawPathAlone()
    {
        foreach (var path in new[] { "/echo/../other", "/echo/%2e%2e/other", "/echo//x", "/echo%2Fx", "/echo\\..\\x", "/a?b=../c" })
            Assert.Equal(new PathVerdict(PathOutcome.Continue, path), PathNormalizer.Apply(path, PathSettings.EnvoyDefault));
    }

    [Theory]
    [InlineData("/echo#x")]
    [InlineData("/echo?a=1#x")]
    [InlineData("/#")]
    public void Apply_Fragment_IsRejectedWhateverTheSettings(string path)
    {
        Assert.Equal(PathOutcome.Reject, PathNormalizer.Apply(path, PathSettings.EnvoyDefault).Outcome);
        Assert.Equal(PathOutcome.Reject, PathNormalizer.Apply(path, CiliumPolicy).Outcome);
    }

    [Theory]
    // CVE-2019-9901: dot segments and their escapes reach a path the route did not see.
    [InlineData("/public/../admin", "/admin")]
    [InlineData("/public/%2e%2e/admin", "/admin")]
    [InlineData("/public/%2E%2E/admin?x=/../y", "/admin?x=/../y")]
    [InlineData("/public/..\\admin", "/admin")]
    public void Apply_NormalizePath_ResolvesDotSegments(string path, string expected) =>
        Assert.Equal(new PathVerdict(PathOutcome.Continue, expected), PathNormalizer.Apply(path, Normalize));

    [Fact]
    public void Apply_NormalizePathWithNul_IsRejected() =>
        Assert.Equal(PathOutcome.Reject, PathNormalizer.Apply("/a/%00/b", Normalize).Outcome);

    [Fact]
    public void Apply_MergeSlashes_RunsAfterNormalization()
    {
        // ISTIO-SECURITY-2021-005: "//admin" is "/admin" only once slashes are merged.
        Assert.Equal(new PathVerdict(PathOutcome.Continue, "/admin"), PathNormalizer.Apply("//admin", Merge));
        Assert.Equal(new PathVerdict(PathOutcome.Continue, "/admin"),
            PathNormalizer.Apply("/a/..//admin", new PathSettings(true, true, EscapedSlashesAction.KeepUnchanged)));
    }

    [Theory]
    // CVE-2021-29492: escaped slashes hide segments from the router.
    [InlineData(EscapedSlashesAction.KeepUnchanged, "/public%2F..%2Fadmin", PathOutcome.Continue, "/public%2F..%2Fadmin")]
    [InlineData(EscapedSlashesAction.RejectRequest, "/public%2F..%2Fadmin", PathOutcome.Reject, "")]
    [InlineData(EscapedSlashesAction.UnescapeAndForward, "/public%2F..%2Fadmin", PathOutcome.Continue, "/admin")]
    [InlineData(EscapedSlashesAction.UnescapeAndRedirect, "/public%2F..%2Fadmin", PathOutcome.Redirect, "/admin")]
    [InlineData(EscapedSlashesAction.UnescapeAndRedirect, "/public%5C..%5cadmin", PathOutcome.Redirect, "/admin")]
    [InlineData(EscapedSlashesAction.RejectRequest, "/a?b=%2F", PathOutcome.Continue, "/a?b=%2F")] // the query is not the path
    [InlineData(EscapedSlashesAction.RejectRequest, "/a/b", PathOutcome.Continue, "/a/b")]
    public void Apply_EscapedSlashes_FollowTheAction(EscapedSlashesAction action, string path, PathOutcome outcome, string expected)
    {
        var verdict = PathNormalizer.Apply(path, new PathSettings(true, false, action));
        Assert.Equal(outcome, verdict.Outcome);
        if (outcome != PathOutcome.Reject) Assert.Equal(expected, verdict.Path);
    }

    [Theory]
    [InlineData("/a/b/../c", PathOutcome.Continue, "/a/c")]
    [InlineData("//a//b", PathOutcome.Continue, "/a/b")]
    [InlineData("/a%2Fb%2F%2E%2E//c", PathOutcome.Redirect, "/a/c")]
    [InlineData("/a%5c%5cb", PathOutcome.Redirect, "/a/b")]
    public void Apply_CiliumPolicyListenerSettings(string path, PathOutcome outcome, string expected) =>
        Assert.Equal(new PathVerdict(outcome, expected), PathNormalizer.Apply(path, CiliumPolicy));
}

using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Ir;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.Bound;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.EnvoyResources;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

public class RouteMatchTests
{
    [Theory]
    [InlineData(PathMatchKind.Exact, "/e", """{"path":"/e"}""")]
    [InlineData(PathMatchKind.Prefix, "/", """{"prefix":"/"}""")]
    [InlineData(PathMatchKind.Prefix, "/echo", """{"pathSeparatedPrefix":"/echo"}""")]
    [InlineData(PathMatchKind.Prefix, "/foo/", """{"pathSeparatedPrefix":"/foo"}""")]
    [InlineData(PathMatchKind.Regex, "/r/[0-9]+", """{"safeRegex":{"regex":"/r/[0-9]+"}}""")]
    public void Build_PathKinds_MapAsCilium(PathMatchKind kind, string value, string expected)
    {
        Assert.Equal(expected, Json(RouteMatchBuilder.Build(Match(new PathMatch(kind, value, At)), grpc: false)));
    }

    [Fact]
    public void Build_NoMatch_MatchesEverything()
    {
        Assert.Equal("""{"prefix":"/"}""", Json(RouteMatchBuilder.Build(null, grpc: false)));
    }

    [Fact]
    public void Build_HeadersMethodAndQuery_InCiliumOrder()
    {
        var match = Match(Exact("/x"), method: "put",
            headers: [Header("x-a", "1"), Header("x-b", "^v[0-9]$", StringMatchKind.Regex)],
            query: [Header("q", "v")]);

        Assert.Equal(
            """
            {"path":"/x","headers":[{"name":"x-a","stringMatch":{"exact":"1"}},{"name":"x-b","stringMatch":{"safeRegex":{"regex":"^v[0-9]$"}}},
            {"name":":method","stringMatch":{"exact":"PUT"}}],"queryParameters":[{"name":"q","stringMatch":{"exact":"v"}}]}
            """.ReplaceLineEndings(""),
            Json(RouteMatchBuilder.Build(match, grpc: false)));
    }

    [Theory]
    [InlineData("svc.Echo", "Say", StringMatchKind.Exact, """{"path":"/svc.Echo/Say"}""")]
    [InlineData("svc.Echo", null, StringMatchKind.Exact, """{"pathSeparatedPrefix":"/svc.Echo"}""")]
    [InlineData(null, "Say", StringMatchKind.Exact, """{"safeRegex":{"regex":"/.+/Say"}}""")]
    [InlineData("svc.*", "S.*", StringMatchKind.Regex, """{"safeRegex":{"regex":"/svc.*/S.*"}}""")]
    [InlineData("svc.*", null, StringMatchKind.Regex, """{"safeRegex":{"regex":"/svc.*/.+"}}""")]
    [InlineData(null, "S.*", StringMatchKind.Regex, """{"safeRegex":{"regex":"/.+/S.*"}}""")]
    public void Build_GrpcMethod_MapsToPath(string? service, string? method, StringMatchKind kind, string expected)
    {
        Assert.Equal(expected, Json(RouteMatchBuilder.Build(GrpcMatch(service, method, kind), grpc: true)));
    }

    [Fact]
    public void Build_GrpcWithoutMethod_MatchesEveryPath()
    {
        Assert.Equal("""{"prefix":"/"}""", Json(RouteMatchBuilder.Build(GrpcMatch(null, null), grpc: true)));
    }
}

using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Ir;
using static Meshc.Compiler.Tests.BackEnds.Xds.Gateway.Bound;
using EnvoyRoute = Envoy.Config.Route.V3.Route;

namespace Meshc.Compiler.Tests.BackEnds.Xds.Gateway;

public class RouteSorterTests
{
    // One rule per match, in the given order, so the sort alone decides the output order.
    private static IReadOnlyList<EnvoyRoute> Sorted(params Ir.RouteMatch[] matches) =>
        Routes(Translate(Attach("r", matches.Select((m, i) => Rule(i, [m], [Backend("svc", 80)])).ToArray())));

    private static string Describe(EnvoyRoute route)
    {
        var m = route.Match;
        var path = m.Path.Length > 0 ? "exact " + m.Path
            : m.SafeRegex is not null ? "regex " + m.SafeRegex.Regex
            : m.PathSeparatedPrefix.Length > 0 ? "segment " + m.PathSeparatedPrefix
            : "prefix " + m.Prefix;
        var headers = string.Concat(m.Headers.Select(h => $" {h.Name}={h.StringMatch.Exact}"));
        var query = string.Concat(m.QueryParameters.Select(q => $" ?{q.Name}"));
        return path + headers + query;
    }

    [Fact]
    public void Sort_PathKinds_ExactThenRegexThenPrefixThenRoot()
    {
        var routes = Sorted(Match(Prefix("/")), Match(Prefix("/a")), Match(Regex("/r.*")), Match(Exact("/e")));

        Assert.Equal(["exact /e", "regex /r.*", "segment /a", "prefix /"], routes.Select(Describe));
    }

    [Fact]
    public void Sort_SameKind_LongerFirst()
    {
        var routes = Sorted(Match(Exact("/a")), Match(Exact("/abc")), Match(Prefix("/x")), Match(Prefix("/xyz/")), Match(Regex("/.")), Match(Regex("/.*/x")));

        Assert.Equal(["exact /abc", "exact /a", "regex /.*/x", "regex /.", "segment /xyz", "segment /x"], routes.Select(Describe));
    }

    [Fact]
    public void Sort_PrefixAndSegmentPrefix_CompareByLength()
    {
        // "/" (plain prefix, length 1) loses to any segment prefix.
        var routes = Sorted(Match(), Match(Prefix("/b")));

        Assert.Equal(["segment /b", "prefix /"], routes.Select(Describe));
    }

    [Fact]
    public void Sort_SamePath_MethodFirstThenMethodName()
    {
        var routes = Sorted(Match(Prefix("/p")), Match(Prefix("/p"), method: "post"), Match(Prefix("/p"), method: "GET"));

        Assert.Equal(["segment /p :method=GET", "segment /p :method=POST", "segment /p"], routes.Select(Describe));
    }

    [Fact]
    public void Sort_SamePathNoMethod_MoreHeadersThenMoreQueryParams()
    {
        var one = Header("a", "1");
        var two = Header("b", "2");
        var routes = Sorted(
            Match(Prefix("/p")),
            Match(Prefix("/p"), query: [Header("q", "1")]),
            Match(Prefix("/p"), headers: [one]),
            Match(Prefix("/p"), headers: [one, two]));

        Assert.Equal(["segment /p a=1 b=2", "segment /p a=1", "segment /p ?q", "segment /p"], routes.Select(Describe));
    }

    [Fact]
    public void Sort_EqualMatches_KeepRuleOrder()
    {
        var rules = new[]
        {
            Rule(0, [Match(Prefix("/same"))], [Backend("first", 80)]),
            Rule(1, [Match(Prefix("/same"))], [Backend("second", 80)]),
        };

        var routes = Routes(Translate(Attach("r", rules)));

        // Each rule keeps its own route (no merge of equal matches), in rule order.
        Assert.Equal(["default:first:80", "default:second:80"], routes.Select(r => r.Route_.Cluster));
    }

    [Fact]
    public void Compare_MethodOutranksHeaderCount()
    {
        var withMethod = RouteMatchBuilder.Build(Match(Prefix("/p"), method: "GET"), grpc: false);
        var withHeaders = RouteMatchBuilder.Build(Match(Prefix("/p"), headers: [Header("a", "1"), Header("b", "2")]), grpc: false);

        var order = RouteSorter.Sort([new EnvoyRoute { Match = withHeaders }, new EnvoyRoute { Match = withMethod }]);

        Assert.Same(withMethod, order[0].Match);
    }
}

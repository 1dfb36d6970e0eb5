using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads the matches of a rule: alternatives separated by <c>or</c>, each a list of conditions that must all hold.
/// A bare path is a prefix match (whole segments, as the Gateway API's PathPrefix). In a grpc-route, <c>method</c>
/// names a gRPC <c>service/method</c> (either side may be <c>*</c>).
/// <code>
/// /api | prefix "/a b" | exact /v1/ping | regex "^/v[0-9]+/"
/// header name=value, name~"regex"   query key=value   method GET   method pkg.Service/Method
/// method regex "pkg\..*" "Get.*"     MATCH or MATCH …
/// </code>
/// </summary>
internal static class MatchReader
{
    private static readonly string[] HttpMethods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];

    public static ValueList<RouteMatch> Read(MeshParser.MatchListContext? list, RouteKind kind, DslContext context) =>
        list is null ? ValueList<RouteMatch>.Empty : list.match().Select(m => Match(m, kind, context)).ToValueList();

    private static RouteMatch Match(MeshParser.MatchContext m, RouteKind kind, DslContext context)
    {
        PathMatch? path = null;
        var headers = new List<KeyValueMatch>();
        var queries = new List<KeyValueMatch>();
        string? method = null;
        GrpcMethodMatch? grpc = null;
        foreach (var condition in m.condition())
        {
            var at = context.At(condition);
            switch (condition)
            {
                case MeshParser.PathPrefixConditionContext p: SetPath(ref path, new PathMatch(PathMatchKind.Prefix, p.URL_PATH().GetText(), at)); break;
                case MeshParser.QuotedPrefixConditionContext q: SetPath(ref path, new PathMatch(PathMatchKind.Prefix, DslContext.Text(q.value()), at)); break;
                case MeshParser.PathExactConditionContext e: SetPath(ref path, new PathMatch(PathMatchKind.Exact, DslContext.Text(e.value()), at)); break;
                case MeshParser.PathRegexConditionContext r: SetPath(ref path, new PathMatch(PathMatchKind.Regex, DslContext.Text(r.value()), at)); break;
                case MeshParser.HeaderConditionContext h: headers.AddRange(h.keyMatch().Select(k => KeyMatch(k, context))); break;
                case MeshParser.QueryConditionContext q: queries.AddRange(q.keyMatch().Select(k => KeyMatch(k, context))); break;
                case MeshParser.MethodConditionContext mc when kind == RouteKind.Grpc:
                    var (service, name) = SplitGrpc(DslContext.Text(mc.value()));
                    grpc = new GrpcMethodMatch(StringMatchKind.Exact, service, name, at);
                    break;
                case MeshParser.MethodConditionContext mc:
                    method = HttpMethod(mc.value(), context);
                    break;
                case MeshParser.MethodRegexConditionContext mr when kind == RouteKind.Grpc:
                    grpc = new GrpcMethodMatch(StringMatchKind.Regex, Star(DslContext.Text(mr.value(0))), Star(DslContext.Text(mr.value(1))), at);
                    break;
                case MeshParser.MethodRegexConditionContext mr:
                    context.Diagnostics.ReportDslInvalidValue(at, "method", "regex", "only a grpc-route matches methods by regular expression");
                    break;
            }
        }
        if (kind == RouteKind.Grpc && path is not null)
            context.Diagnostics.ReportDslInvalidValue(path.Origin, "path", path.Value, "a grpc-route matches 'method service/method', not paths");
        return new RouteMatch(path, headers.ToValueList(), queries.ToValueList(), method, grpc, context.At(m));

        void SetPath(ref PathMatch? current, PathMatch next)
        {
            if (current is not null)
                context.Diagnostics.ReportDslInvalidValue(next.Origin, "path", next.Value, "a match has one path; write 'or' between alternatives");
            current = next;
        }
    }

    private static KeyValueMatch KeyMatch(MeshParser.KeyMatchContext k, DslContext context)
    {
        var values = k.GetRuleContexts<MeshParser.ValueContext>();
        var kind = k is MeshParser.RegexKeyMatchContext ? StringMatchKind.Regex : StringMatchKind.Exact;
        return new KeyValueMatch(kind, DslContext.Text(values[0]), DslContext.Text(values[1]), context.At(k));
    }

    private static string? HttpMethod(MeshParser.ValueContext value, DslContext context)
    {
        var text = DslContext.Text(value);
        if (HttpMethods.Contains(text.ToUpperInvariant())) return text.ToUpperInvariant();
        context.Diagnostics.ReportDslInvalidValue(context.At(value), "method", text, "use an HTTP method such as GET or POST",
            Spelling.DidYouMean(text.ToUpperInvariant(), HttpMethods));
        return null;
    }

    /// <summary><c>pkg.Service/Method</c> → (service, method); an empty or <c>*</c> side means "any".</summary>
    private static (string? Service, string? Method) SplitGrpc(string text)
    {
        var slash = text.LastIndexOf('/');
        return slash < 0 ? (Star(text), null) : (Star(text[..slash]), Star(text[(slash + 1)..]));
    }

    private static string? Star(string text) => text is "" or "*" ? null : text;
}

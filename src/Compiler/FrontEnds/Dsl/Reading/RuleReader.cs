using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads one rule: an optional name, its matches (<see cref="MatchReader"/>), then its actions in any order.
/// <code>
/// rule [NAME:] [MATCH [or MATCH]…] [to BACKEND, …] [redirect …] [rewrite …] [mirror …] [request …] [response …]
///      [timeout [DURATION] [backend DURATION]] [retry [N] [on CODE|CONDITION, …] [backoff D] [per-try D]]
/// </code>
/// </summary>
internal static class RuleReader
{
    public static DslRule Read(MeshParser.RouteRuleClauseContext r, RouteKind kind, DslContext context)
    {
        var backends = new List<BackendRef>();
        var filters = new List<RouteFilter>();
        RouteTimeouts? timeouts = null;
        RetryPolicy? retry = null;
        Text.SourceLocation? retryExtrasAt = null;
        Text.SourceLocation? backendTimeoutAt = null;
        foreach (var action in r.action())
        {
            switch (action)
            {
                case MeshParser.ToActionContext t: backends.AddRange(t.backend().Select(b => BackendReader.Read(b, context))); break;
                case MeshParser.RedirectActionContext rd: filters.Add(FilterReader.Redirect(rd, context)); break;
                case MeshParser.RewriteActionContext rw: filters.Add(FilterReader.Rewrite(rw, context)); break;
                case MeshParser.MirrorActionContext m: filters.Add(FilterReader.Mirror(m, context)); break;
                case MeshParser.CorsActionContext c: filters.Add(FilterReader.Cors(c, context)); break;
                case MeshParser.RequestHeadersActionContext h: filters.Add(FilterReader.Headers(HeaderDirection.Request, h.headerEdit(), h, context)); break;
                case MeshParser.ResponseHeadersActionContext h: filters.Add(FilterReader.Headers(HeaderDirection.Response, h.headerEdit(), h, context)); break;
                case MeshParser.TimeoutActionContext t:
                    if (t.request is null && t.backendTimeout is null) context.Diagnostics.ReportDslEmptyClause(context.At(t), "timeout", "a duration, 'backend DURATION', or both");
                    timeouts = new RouteTimeouts(DurationReader.Read(t.request, context), DurationReader.Read(t.backendTimeout, context), context.At(t));
                    if (t.backendTimeout is not null) backendTimeoutAt = context.At(t.backendTimeout);
                    break;
                case MeshParser.RetryActionContext rt:
                    (retry, retryExtrasAt) = RetryReader.Read(rt, context);
                    break;
            }
        }
        var name = r.ruleName is { } n ? DslContext.Text(n) : null;
        var rule = new RouteRule(name, MatchReader.Read(r.matchList(), kind, context), filters.ToValueList(), backends.ToValueList(),
            timeouts, retry, context.At(r));
        return new DslRule(rule, retryExtrasAt, backendTimeoutAt);
    }
}

using System.Text;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Writing;

/// <summary>Writes a gateway route (HTTPRoute or GRPCRoute): parents and hosts on the first line, one rule per line.</summary>
internal static class RouteWriter
{
    public static void Route(StringBuilder sb, Route r, int depth)
    {
        var keyword = r.Kind switch
        {
            RouteKind.Http => "route ",
            RouteKind.Grpc => "grpc-route ",
            RouteKind.Tls => "tls-route ",
            _ => throw new InvalidOperationException($"route kind {r.Kind} has no DSL keyword"),
        };
        sb.Append(WriteParts.Pad(depth)).Append(keyword).Append(DslText.Word(r.Meta.Name));
        if (!r.ParentRefs.IsEmpty) sb.Append(" on ").Append(string.Join(", ", r.ParentRefs.Select(Parent)));
        if (!r.Hostnames.IsEmpty) sb.Append(" host ").Append(string.Join(", ", r.Hostnames.Select(DslText.Value)));
        sb.Append(WriteParts.Metadata(r.Meta));
        var clusters = r.Upstream is { } upstream ? Clusters(upstream) : null;
        var paths = r.Paths is { } handling ? Paths(handling) : null;
        if (r.Rules.IsEmpty && clusters is null && paths is null) { sb.Append('\n'); return; }
        sb.Append(" {\n");
        foreach (var rule in r.Rules) sb.Append(WriteParts.Pad(depth + 1)).Append(Rule(rule, r.Kind)).Append('\n');
        if (clusters is not null) sb.Append(WriteParts.Pad(depth + 1)).Append(clusters).Append('\n');
        if (paths is not null) sb.Append(WriteParts.Pad(depth + 1)).Append(paths).Append('\n');
        sb.Append(WriteParts.Pad(depth)).Append("}\n");
    }

    private static string Parent(ParentRef p) => p.IsService
        ? "service " + DslText.Word(p.Namespace is null ? p.Name : $"{p.Namespace}/{p.Name}") + (p.Port is { } servicePort ? ":" + DslText.Int(servicePort) : "")
        : DslText.Word(p.Namespace is null ? p.Name : $"{p.Namespace}/{p.Name}") +
        (p.SectionName is { } s ? " listener " + DslText.Word(s) : "") +
        (p.Port is { } port ? " port " + DslText.Int(port) : "");

    private static string Rule(RouteRule rule, RouteKind kind)
    {
        var parts = new List<string> { "rule" };
        if (rule.Name is { } name) parts.Add(DslText.Word(name) + ":");
        if (!rule.Matches.IsEmpty) parts.Add(string.Join(" or ", rule.Matches.Select(m => Match(m, kind))));
        if (!rule.Backends.IsEmpty) parts.Add("to " + string.Join(", ", rule.Backends.Select(Backend)));
        parts.AddRange(rule.Filters.Select(FilterWriter.Filter).OfType<string>());
        if (rule.Timeouts is { } t)
            parts.Add("timeout" + (t.Request is { } rq ? " " + DslText.Duration(rq) : "") + (t.BackendRequest is { } b ? " backend " + DslText.Duration(b) : ""));
        if (rule.Retry is { } retry)
            parts.Add("retry" + (retry.Attempts is { } a ? " " + DslText.Int(a) : "") +
                (retry.Codes.IsEmpty && retry.Conditions.IsEmpty ? "" : " on " + string.Join(", ", retry.Codes.Select(c => DslText.Int(c)).Concat(retry.Conditions.Select(DslText.Value)))) +
                (retry.Backoff is { } bo ? " backoff " + DslText.Duration(bo) : "") +
                (retry.PerTryTimeout is { } perTry ? " per-try " + DslText.Duration(perTry) : ""));
        return string.Join(" ", parts);
    }

    /// <summary>The <c>clusters</c> line of a service route.</summary>
    private static string Clusters(UpstreamPolicy u)
    {
        var parts = new List<string> { "clusters" };
        if (u.ConnectTimeout is { } connect) parts.Add("connect-timeout " + DslText.Duration(connect));
        if (u.LoadBalancing is { } lb) parts.Add("lb " + MeshAnnotations.Name(lb));
        if (u.Outlier is { } outlier)
            parts.Add("outlier " + string.Join(" ", MeshAnnotations.Settings(outlier, DslText.Duration).Select(s => $"{s.Name} {s.Value}")));
        return string.Join(" ", parts);
    }

    /// <summary>The <c>paths</c> line of a service route.</summary>
    private static string Paths(PathHandling p) =>
        string.Join(" ", MeshAnnotations.Settings(p).Select(s => s.Value is null ? s.Name : $"{s.Name} {s.Value}").Prepend("paths"));

    private static string Match(RouteMatch m, RouteKind kind)
    {
        var parts = new List<string>();
        switch (m.Path)
        {
            case { Kind: PathMatchKind.Prefix } p: parts.Add(DslText.Path(p.Value) is var text && text.StartsWith('/') ? text : "prefix " + text); break;
            case { Kind: PathMatchKind.Exact } p: parts.Add("exact " + DslText.Value(p.Value)); break;
            case { Kind: PathMatchKind.Regex } p: parts.Add("regex " + DslText.Value(p.Value)); break;
        }
        if (!m.Headers.IsEmpty) parts.Add("header " + string.Join(", ", m.Headers.Select(KeyMatch)));
        if (!m.QueryParams.IsEmpty) parts.Add("query " + string.Join(", ", m.QueryParams.Select(KeyMatch)));
        if (m.Method is { } method) parts.Add("method " + DslText.Value(method));
        if (m.GrpcMethod is { } g)
            parts.Add(g.Kind == StringMatchKind.Regex
                ? $"method regex {DslText.Value(g.Service ?? "*")} {DslText.Value(g.Method ?? "*")}"
                : "method " + DslText.Value(g.Method is null ? g.Service ?? "*" : $"{g.Service ?? "*"}/{g.Method}"));
        return string.Join(" ", parts);
    }

    private static string KeyMatch(KeyValueMatch k) =>
        DslText.Value(k.Name) + (k.Kind == StringMatchKind.Regex ? "~" : "=") + DslText.Value(k.Value);

    public static string Backend(BackendRef b) => Target(b) + (b.Weight == 1 ? "" : " " + DslText.Int(b.Weight));

    public static string Target(BackendRef b) =>
        DslText.Word(b.Namespace is null ? b.Name : $"{b.Namespace}/{b.Name}") + (b.Port is { } p ? ":" + DslText.Int(p) : "");
}

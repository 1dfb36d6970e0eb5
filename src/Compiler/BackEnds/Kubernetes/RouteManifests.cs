using System.Text.Json.Nodes;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>HTTPRoute, GRPCRoute and TLSRoute manifests: parents, hostnames, and each rule's matches, filters, backends, timeouts and retry.</summary>
internal static class RouteManifests
{
    public static JsonObject Route(Route r)
    {
        var spec = new JsonObject()
            .OptList("parentRefs", r.ParentRefs, p => new JsonObject { ["group"] = p.Group, ["kind"] = p.Kind }
                .Opt("namespace", p.Namespace).Opt("name", p.Name).Opt("sectionName", p.SectionName).Opt("port", p.Port))
            .OptList("hostnames", r.Hostnames, h => JsonValue.Create(h))
            .OptList("rules", r.Rules, rule => Rule(rule, r.Kind));
        var obj = ManifestJson.Object(RouteGroupKind.GatewayGroup + "/v1", r.KindName, r.Meta with { Annotations = r.Meta.Annotations.Concat(MeshAnnotationsOf(r)).ToValueList() });
        obj["spec"] = spec;
        return obj;
    }

    /// <summary>
    /// What the Gateway API cannot say, as the route annotations meshc reads back (<see cref="MeshAnnotations"/>). The
    /// retry extras are the same for every rule with a retry (the DSL checks that; YAML input has them per route).
    /// </summary>
    private static IEnumerable<Label> MeshAnnotationsOf(Route r)
    {
        if (r.Rules.Select(rule => rule.Retry).FirstOrDefault(retry => retry is not null) is { } retry)
        {
            if (!retry.Conditions.IsEmpty) yield return new Label(MeshAnnotations.RetryOn, string.Join(",", retry.Conditions));
            if (retry.PerTryTimeout is { } perTry) yield return new Label(MeshAnnotations.PerTryTimeout, ManifestJson.Duration(perTry));
        }
        if (r.Upstream is { } upstream)
        {
            if (upstream.ConnectTimeout is { } connect) yield return new Label(MeshAnnotations.ConnectTimeout, ManifestJson.Duration(connect));
            if (upstream.LoadBalancing is { } lb) yield return new Label(MeshAnnotations.LbPolicy, MeshAnnotations.Name(lb));
            if (upstream.Outlier is { } outlier)
                yield return new Label(MeshAnnotations.OutlierDetection,
                    string.Join(", ", MeshAnnotations.Settings(outlier, ManifestJson.Duration).Select(s => $"{s.Name}={s.Value}")));
        }
        if (r.Paths is { } paths)
            yield return new Label(MeshAnnotations.Paths,
                string.Join(", ", MeshAnnotations.Settings(paths).Select(s => s.Value is null ? s.Name : $"{s.Name}={s.Value}")));
    }

    private static JsonObject Rule(RouteRule rule, RouteKind kind)
    {
        var json = new JsonObject().Opt("name", rule.Name)
            .OptList("matches", rule.Matches, m => kind switch
            {
                RouteKind.Http => HttpMatch(m),
                RouteKind.Grpc => GrpcMatch(m),
                RouteKind.Tls => throw new InvalidOperationException("TLSRoute rules have no matches"),
                _ => throw new InvalidOperationException($"route kind {kind} has no match shape"),
            })
            .OptList("filters", rule.Filters, FilterManifests.Filter)
            .OptList("backendRefs", rule.Backends, Backend);
        if (rule.Timeouts is { } t)
            json["timeouts"] = new JsonObject()
                .Opt("request", t.Request is { } rq ? ManifestJson.Duration(rq) : null)
                .Opt("backendRequest", t.BackendRequest is { } b ? ManifestJson.Duration(b) : null);
        if (rule.Retry is { } retry)
            json["retry"] = new JsonObject()
                .OptList("codes", retry.Codes, c => JsonValue.Create(c))
                .Opt("attempts", retry.Attempts)
                .Opt("backoff", retry.Backoff is { } bo ? ManifestJson.Duration(bo) : null);
        return json;
    }

    private static JsonObject HttpMatch(RouteMatch m)
    {
        var json = new JsonObject();
        if (m.Path is { } p)
            json["path"] = new JsonObject
            {
                ["type"] = p.Kind switch { PathMatchKind.Exact => "Exact", PathMatchKind.Regex => "RegularExpression", _ => "PathPrefix" },
                ["value"] = p.Value,
            };
        return json.OptList("headers", m.Headers, KeyValue).OptList("queryParams", m.QueryParams, KeyValue).Opt("method", m.Method);
    }

    private static JsonObject GrpcMatch(RouteMatch m)
    {
        var json = new JsonObject();
        if (m.GrpcMethod is { } g)
            json["method"] = new JsonObject { ["type"] = MatchType(g.Kind) }.Opt("service", g.Service).Opt("method", g.Method);
        return json.OptList("headers", m.Headers, KeyValue);
    }

    private static JsonNode KeyValue(KeyValueMatch k) => new JsonObject { ["type"] = MatchType(k.Kind), ["name"] = k.Name, ["value"] = k.Value };

    private static string MatchType(StringMatchKind kind) => kind == StringMatchKind.Regex ? "RegularExpression" : "Exact";

    public static JsonObject Backend(BackendRef b) => Target(b).Opt("weight", b.Weight).OptList("filters", b.Filters, FilterManifests.Filter);

    /// <summary>The object a backendRef names (a mirror's backendRef has no weight or filters).</summary>
    public static JsonObject Target(BackendRef b) => new JsonObject { ["group"] = b.Group, ["kind"] = b.Kind, ["name"] = b.Name }
        .Opt("namespace", b.Namespace).Opt("port", b.Port);
}

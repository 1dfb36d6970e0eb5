using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Reads HTTPRoute, GRPCRoute and TLSRoute into one <see cref="Route"/> shape. Values are kept as written; defaults the
/// Gateway API defines for absent fields (PathPrefix "/", weight 1, redirect 302, CORS maxAge 5) are applied here, once. The meshc
/// annotations (<see cref="MeshAnnotations"/>) add what the Gateway API cannot say.
/// </summary>
internal static class RouteReader
{
    public static IMeshObject? ReadHttp(YamlObject obj, DiagnosticBag diagnostics) => Read(obj, RouteKind.Http, diagnostics);

    public static IMeshObject? ReadGrpc(YamlObject obj, DiagnosticBag diagnostics) => Read(obj, RouteKind.Grpc, diagnostics);

    /// <summary>TLSRoute (v1, v1alpha2, v1alpha3): hostnames and rules with backendRefs only; the schema allows nothing else.</summary>
    public static IMeshObject? ReadTls(YamlObject obj, DiagnosticBag diagnostics) => Read(obj, RouteKind.Tls, diagnostics);

    private static Route? Read(YamlObject obj, RouteKind kind, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        var spec = obj.Root.Map("spec");
        var reader = new Context(obj.Path, kind, diagnostics);
        var parents = spec.Maps("parentRefs").Select(reader.ParentRef).ToValueList();
        var rules = spec.Maps("rules").Select(reader.Rule).ToValueList();
        var route = new Route(meta, kind, parents, spec.Strings("hostnames").ToValueList(), rules);
        return new MeshAnnotationReader(obj, diagnostics).Apply(route);
    }

    private sealed class Context(string file, RouteKind kind, DiagnosticBag diagnostics)
    {
        public ParentRef ParentRef(YamlMappingNode p) => new(
            p.Str("group") ?? RouteGroupKind.GatewayGroup, p.Str("kind") ?? "Gateway", p.Str("namespace"), p.Str("name") ?? "",
            p.Str("sectionName"), p.Int("port"), p.LocationIn(file));

        public RouteRule Rule(YamlMappingNode r)
        {
            // Fields of the API meshc does not translate are reported rather than silently dropped.
            if (r.GetKey("sessionPersistence") is { } persistence)
                diagnostics.ReportUnsupportedFeature(persistence.LocationIn(file), "sessionPersistence");
            return NewRule(r);
        }

        private RouteRule NewRule(YamlMappingNode r) => new(
            r.Str("name"),
            r.Maps("matches").Select(Match).ToValueList(),
            r.Maps("filters").Select(Filter).ToValueList(),
            r.Maps("backendRefs").Select(Backend).ToValueList(),
            Timeouts(r.Map("timeouts")),
            Retry(r.Map("retry")),
            r.LocationIn(file));

        private RouteMatch Match(YamlMappingNode m)
        {
            var pathMatch = kind == RouteKind.Http ? PathMatch(m.Map("path")) : null;
            var grpc = kind == RouteKind.Grpc && m.Map("method") is { } gm
                ? new GrpcMethodMatch(MatchKind(gm.Str("type")), gm.Str("service"), gm.Str("method"), gm.LocationIn(file))
                : null;
            return new RouteMatch(pathMatch, KeyValues(m, "headers"), KeyValues(m, "queryParams"), m.Str("method"), grpc, m.LocationIn(file));
        }

        private PathMatch? PathMatch(YamlMappingNode? p)
        {
            if (p is null) return null;
            var type = p.Str("type") switch
            {
                "Exact" => PathMatchKind.Exact,
                "RegularExpression" => PathMatchKind.Regex,
                _ => PathMatchKind.Prefix,
            };
            return new PathMatch(type, p.Str("value") ?? "/", (p.Get("value") ?? p).LocationIn(file));
        }

        private ValueList<KeyValueMatch> KeyValues(YamlMappingNode m, string key) => m.Maps(key)
            .Select(h => new KeyValueMatch(MatchKind(h.Str("type")), h.Str("name") ?? "", h.Str("value") ?? "", h.LocationIn(file)))
            .ToValueList();

        private static StringMatchKind MatchKind(string? type) =>
            type == "RegularExpression" ? StringMatchKind.Regex : StringMatchKind.Exact;

        private RouteFilter Filter(YamlMappingNode f)
        {
            var at = f.LocationIn(file);
            var type = f.Str("type") ?? "";
            switch (type)
            {
                case "RequestHeaderModifier":
                    return HeaderModifier(HeaderDirection.Request, f.Map("requestHeaderModifier"), f);
                case "ResponseHeaderModifier":
                    return HeaderModifier(HeaderDirection.Response, f.Map("responseHeaderModifier"), f);
                case "RequestRedirect" when f.Map("requestRedirect") is { } r:
                    return new RequestRedirectFilter(r.Str("scheme"), r.Str("hostname"), PathModifier(r.Map("path")),
                        r.Int("port"), r.Int("statusCode") ?? 302, at);
                case "URLRewrite" when f.Map("urlRewrite") is { } u:
                    return new UrlRewriteFilter(u.Str("hostname"), PathModifier(u.Map("path")), at);
                case "RequestMirror" when f.Map("requestMirror") is { } m && m.Map("backendRef") is { } b:
                    var (numerator, denominator) = m.Int("percent") is { } percent
                        ? (percent, 100)
                        : m.Map("fraction") is { } fraction
                            ? (fraction.Int("numerator") ?? 0, fraction.Int("denominator") ?? 100)
                            : (100, 100);
                    return new RequestMirrorFilter(Backend(b), numerator, denominator, at);
                case "CORS" when f.Map("cors") is { } c:
                    return new CorsFilter(c.Strings("allowOrigins").ToValueList(), c.Bool("allowCredentials") ?? false,
                        c.Strings("allowMethods").ToValueList(), c.Strings("allowHeaders").ToValueList(),
                        c.Strings("exposeHeaders").ToValueList(), c.Int("maxAge") ?? CorsFilter.DefaultMaxAge, at);
                default:
                    return new UnsupportedFilter(type, at);
            }
        }

        private HeaderModifierFilter HeaderModifier(HeaderDirection direction, YamlMappingNode? m, YamlMappingNode filter)
        {
            ValueList<HeaderValue> Values(string key) => m.Maps(key)
                .Select(h => new HeaderValue(h.Str("name") ?? "", h.Str("value") ?? "", h.LocationIn(file)))
                .ToValueList();
            return new HeaderModifierFilter(direction, Values("set"), Values("add"), m.Strings("remove").ToValueList(), filter.LocationIn(file));
        }

        private PathModifier? PathModifier(YamlMappingNode? p)
        {
            if (p is null) return null;
            return p.Str("type") == "ReplaceFullPath"
                ? new PathModifier(PathModifierKind.ReplaceFullPath, p.Str("replaceFullPath") ?? "", p.LocationIn(file))
                : new PathModifier(PathModifierKind.ReplacePrefixMatch, p.Str("replacePrefixMatch") ?? "", p.LocationIn(file));
        }

        private BackendRef Backend(YamlMappingNode b) => new(
            b.Str("group") ?? "", b.Str("kind") ?? "Service", b.Str("namespace"), b.Str("name") ?? "", b.Int("port"),
            b.Long("weight") ?? 1, b.Maps("filters").Select(Filter).ToValueList(), b.LocationIn(file))
        {
            WeightOrigin = b.Get("weight")?.LocationIn(file) ?? default,
        };

        private RouteTimeouts? Timeouts(YamlMappingNode? t)
        {
            if (t is null) return null;
            return new RouteTimeouts(Duration(t, "request"), Duration(t, "backendRequest"), t.LocationIn(file));
        }

        private RetryPolicy? Retry(YamlMappingNode? r)
        {
            if (r is null) return null;
            var codes = r.Seq("codes").OfType<YamlScalarNode>()
                .Select(s => int.TryParse(s.Value, out var c) ? c : (int?)null)
                .OfType<int>()
                .ToValueList();
            return new RetryPolicy(codes, r.Int("attempts"), Duration(r, "backoff"), r.LocationIn(file));
        }

        private TimeSpan? Duration(YamlMappingNode m, string key)
        {
            if (m.Str(key) is not { } text) return null;
            if (GatewayDuration.TryParse(text, out var value)) return value;
            diagnostics.ReportInvalidDuration(m.Get(key)!.LocationIn(file), text, "use up to four parts of 1-5 digits with h, m, s or ms, e.g. '1m30s'");
            return null;
        }
    }
}

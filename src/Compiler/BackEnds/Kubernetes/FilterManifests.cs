using System.Text.Json.Nodes;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>A route or backend filter as the Gateway API spells it.</summary>
internal sealed class FilterManifests : IRouteFilterVisitor<JsonNode>
{
    private static readonly FilterManifests Instance = new();

    public static JsonNode Filter(RouteFilter filter) => filter.Accept(Instance);

    public JsonNode HeaderModifier(HeaderModifierFilter h) => h.Direction == HeaderDirection.Request
        ? new JsonObject { ["type"] = "RequestHeaderModifier", ["requestHeaderModifier"] = Headers(h) }
        : new JsonObject { ["type"] = "ResponseHeaderModifier", ["responseHeaderModifier"] = Headers(h) };

    public JsonNode RequestRedirect(RequestRedirectFilter r) => new JsonObject
    {
        ["type"] = "RequestRedirect",
        ["requestRedirect"] = new JsonObject().Opt("scheme", r.Scheme).Opt("hostname", r.Hostname).Opt("path", Path(r.Path))
            .Opt("port", r.Port).Opt("statusCode", r.StatusCode),
    };

    public JsonNode UrlRewrite(UrlRewriteFilter u) => new JsonObject
    {
        ["type"] = "URLRewrite",
        ["urlRewrite"] = new JsonObject().Opt("hostname", u.Hostname).Opt("path", Path(u.Path)),
    };

    public JsonNode RequestMirror(RequestMirrorFilter m) => new JsonObject
    {
        ["type"] = "RequestMirror",
        ["requestMirror"] = new JsonObject { ["backendRef"] = RouteManifests.Target(m.Backend) }
            .Opt("fraction", m.Denominator == 100 && m.Numerator == 100 ? null : new JsonObject { ["numerator"] = m.Numerator, ["denominator"] = m.Denominator }),
    };

    public JsonNode Cors(CorsFilter c) => new JsonObject
    {
        ["type"] = "CORS",
        ["cors"] = new JsonObject()
            .OptList("allowOrigins", c.AllowOrigins, Text).Opt("allowCredentials", c.AllowCredentials ? true : null)
            .OptList("allowMethods", c.AllowMethods, Text).OptList("allowHeaders", c.AllowHeaders, Text)
            .OptList("exposeHeaders", c.ExposeHeaders, Text).Opt("maxAge", c.MaxAge),
    };

    private static JsonNode Text(string value) => JsonValue.Create(value);

    /// <summary>Written back with its type only: meshc kept nothing else of it.</summary>
    public JsonNode Unsupported(UnsupportedFilter u) => new JsonObject { ["type"] = u.Type };

    private static JsonObject Headers(HeaderModifierFilter h) => new JsonObject()
        .OptList("set", h.Set, Header).OptList("add", h.Add, Header).OptList("remove", h.Remove, r => JsonValue.Create(r));

    private static JsonNode Header(HeaderValue h) => new JsonObject { ["name"] = h.Name, ["value"] = h.Value };

    private static JsonObject? Path(PathModifier? p) => p switch
    {
        null => null,
        { Kind: PathModifierKind.ReplaceFullPath } => new JsonObject { ["type"] = "ReplaceFullPath", ["replaceFullPath"] = p.Value },
        _ => new JsonObject { ["type"] = "ReplacePrefixMatch", ["replacePrefixMatch"] = p.Value },
    };
}

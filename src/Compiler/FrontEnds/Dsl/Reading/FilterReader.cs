using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads the actions of a rule that become Gateway API filters. A redirect answers 302 unless <c>status</c> says
/// otherwise; <c>path</c> replaces the whole path and <c>prefix</c> the part the path match matched.
/// <code>
/// redirect [scheme https] [host H] [port N] [path /p | prefix /p] [status 301]
/// rewrite [host H] [path /p | prefix /p]
/// mirror SERVICE[:PORT] [N% | N of D]
/// cors origins O, … [methods M, …] [headers H, …] [expose H, …] [credentials] [max-age N]
/// request set name=value, … add name=value, … remove name, …      (response … likewise)
/// </code>
/// </summary>
internal static class FilterReader
{
    public static RouteFilter Redirect(MeshParser.RedirectActionContext r, DslContext context)
    {
        string? scheme = null, host = null;
        int? port = null;
        PathModifier? path = null;
        var status = 302;
        foreach (var option in r.redirectOption())
        {
            switch (option)
            {
                case MeshParser.RedirectSchemeContext s: scheme = DslContext.Text(s.name()); break;
                case MeshParser.RedirectHostContext h: host = DslContext.Text(h.value()); break;
                case MeshParser.RedirectPortContext p: port = context.Int(p.INT().Symbol, "redirect port", 1, 65535); break;
                case MeshParser.RedirectPathContext p: path = Modifier(PathModifierKind.ReplaceFullPath, p.value(), context); break;
                case MeshParser.RedirectPrefixContext p: path = Modifier(PathModifierKind.ReplacePrefixMatch, p.value(), context); break;
                case MeshParser.RedirectStatusContext s: status = context.Int(s.INT().Symbol, "redirect status", 300, 399) ?? 302; break;
            }
        }
        return new RequestRedirectFilter(scheme, host, path, port, status, context.At(r));
    }

    public static RouteFilter Rewrite(MeshParser.RewriteActionContext r, DslContext context)
    {
        string? host = null;
        PathModifier? path = null;
        foreach (var option in r.rewriteOption())
        {
            switch (option)
            {
                case MeshParser.RewriteHostContext h: host = DslContext.Text(h.value()); break;
                case MeshParser.RewritePathContext p: path = Modifier(PathModifierKind.ReplaceFullPath, p.value(), context); break;
                case MeshParser.RewritePrefixContext p: path = Modifier(PathModifierKind.ReplacePrefixMatch, p.value(), context); break;
            }
        }
        return new UrlRewriteFilter(host, path, context.At(r));
    }

    public static RouteFilter Mirror(MeshParser.MirrorActionContext m, DslContext context)
    {
        var backend = BackendReader.Target(m.target, context);
        var (numerator, denominator) = m.mirrorShare() switch
        {
            MeshParser.MirrorPercentContext p => (context.Int(p.INT().Symbol, "mirror percent", 0, 100) ?? 100, 100),
            MeshParser.MirrorFractionContext f => (context.Int(f.INT(0).Symbol, "mirror share", 0, int.MaxValue) ?? 0,
                context.Int(f.INT(1).Symbol, "mirror share", 1, int.MaxValue) ?? 100),
            _ => (100, 100),
        };
        return new RequestMirrorFilter(backend, numerator, denominator, context.At(m));
    }

    /// <summary>A CORS filter; <c>max-age</c> is 5 when not given, the CRD's default.</summary>
    public static RouteFilter Cors(MeshParser.CorsActionContext c, DslContext context)
    {
        List<string> origins = [], methods = [], headers = [], expose = [];
        var credentials = false;
        var maxAge = CorsFilter.DefaultMaxAge;
        foreach (var option in c.corsOption())
        {
            switch (option)
            {
                case MeshParser.CorsOriginsContext o: origins.AddRange(o.value().Select(DslContext.Text)); break;
                case MeshParser.CorsMethodsContext m: methods.AddRange(m.value().Select(DslContext.Text)); break;
                case MeshParser.CorsHeadersContext h: headers.AddRange(h.value().Select(DslContext.Text)); break;
                case MeshParser.CorsExposeContext e: expose.AddRange(e.value().Select(DslContext.Text)); break;
                case MeshParser.CorsCredentialsContext: credentials = true; break;
                case MeshParser.CorsMaxAgeContext a: maxAge = context.Int(a.INT().Symbol, "cors max-age", 1, int.MaxValue) ?? CorsFilter.DefaultMaxAge; break;
            }
        }
        return new CorsFilter(origins.ToValueList(), credentials, methods.ToValueList(), headers.ToValueList(), expose.ToValueList(), maxAge, context.At(c));
    }

    public static RouteFilter Headers(HeaderDirection direction, IEnumerable<MeshParser.HeaderEditContext> edits, MeshParser.ActionContext at, DslContext context)
    {
        var set = new List<HeaderValue>();
        var add = new List<HeaderValue>();
        var remove = new List<string>();
        foreach (var edit in edits)
        {
            switch (edit)
            {
                case MeshParser.HeaderSetContext s: set.AddRange(s.header().Select(h => Header(h, context))); break;
                case MeshParser.HeaderAddContext a: add.AddRange(a.header().Select(h => Header(h, context))); break;
                case MeshParser.HeaderRemoveContext r: remove.AddRange(r.value().Select(DslContext.Text)); break;
            }
        }
        return new HeaderModifierFilter(direction, set.ToValueList(), add.ToValueList(), remove.ToValueList(), context.At(at));
    }

    public static HeaderValue Header(MeshParser.HeaderContext h, DslContext context) =>
        new(DslContext.Text(h.value(0)), DslContext.Text(h.value(1)), context.At(h));

    private static PathModifier Modifier(PathModifierKind kind, MeshParser.ValueContext value, DslContext context) =>
        new(kind, DslContext.Text(value), context.At(value));
}

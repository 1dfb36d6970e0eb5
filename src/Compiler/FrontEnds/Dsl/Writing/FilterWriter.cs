using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.Writing;

/// <summary>Writes a rule's filters as DSL actions (redirect, rewrite, mirror, request/response header edits).</summary>
internal sealed class FilterWriter : IRouteFilterVisitor<string?>
{
    private static readonly FilterWriter Instance = new();

    /// <summary>The action text, or null for a filter the DSL cannot spell (an unsupported filter kind).</summary>
    public static string? Filter(RouteFilter filter) => filter.Accept(Instance);

    public string? RequestRedirect(RequestRedirectFilter r) => "redirect" + Opt("scheme", r.Scheme, DslText.Word) + Opt("host", r.Hostname, DslText.Value) +
        (r.Port is { } p ? " port " + DslText.Int(p) : "") + Path(r.Path) + (r.StatusCode == 302 ? "" : " status " + DslText.Int(r.StatusCode));

    public string? UrlRewrite(UrlRewriteFilter u) => "rewrite" + Opt("host", u.Hostname, DslText.Value) + Path(u.Path);

    public string? RequestMirror(RequestMirrorFilter m) => "mirror " + RouteWriter.Target(m.Backend) +
        (m.Denominator == 100 ? (m.Numerator == 100 ? "" : $" {m.Numerator}%") : $" {m.Numerator} of {m.Denominator}");

    public string? HeaderModifier(HeaderModifierFilter h) => (h.Direction == HeaderDirection.Request ? "request" : "response") +
        (h.Set.IsEmpty ? "" : " set " + string.Join(", ", h.Set.Select(Header))) +
        (h.Add.IsEmpty ? "" : " add " + string.Join(", ", h.Add.Select(Header))) +
        (h.Remove.IsEmpty ? "" : " remove " + string.Join(", ", h.Remove.Select(DslText.Value)));

    /// <summary><c>max-age</c> is left out at its default, unless the action would have no option at all.</summary>
    public string? Cors(CorsFilter c)
    {
        var options = List("origins", c.AllowOrigins) + List("methods", c.AllowMethods) + List("headers", c.AllowHeaders) +
            List("expose", c.ExposeHeaders) + (c.AllowCredentials ? " credentials" : "");
        return "cors" + options + (c.MaxAge == CorsFilter.DefaultMaxAge && options.Length > 0 ? "" : " max-age " + DslText.Int(c.MaxAge));
    }

    private static string List(string keyword, IReadOnlyCollection<string> values) =>
        values.Count == 0 ? "" : $" {keyword} " + string.Join(", ", values.Select(DslText.Value));

    /// <summary>The DSL has no spelling for a filter kind meshc does not compile.</summary>
    public string? Unsupported(UnsupportedFilter u) => null;

    private static string Opt(string keyword, string? value, Func<string, string> spell) => value is null ? "" : $" {keyword} {spell(value)}";

    private static string Path(PathModifier? p) => p switch
    {
        { Kind: PathModifierKind.ReplaceFullPath } => " path " + DslText.Value(p.Value),
        { Kind: PathModifierKind.ReplacePrefixMatch } => " prefix " + DslText.Value(p.Value),
        _ => "",
    };

    private static string Header(HeaderValue h) => $"{DslText.Value(h.Name)}={DslText.Value(h.Value)}";
}

using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>The Gateway API <c>type</c> name of a filter, for messages and for spotting repeated types.</summary>
internal sealed class FilterTypes : IRouteFilterVisitor<string>
{
    private static readonly FilterTypes Instance = new();

    public static string NameOf(RouteFilter filter) => filter.Accept(Instance);

    public string HeaderModifier(HeaderModifierFilter filter) =>
        filter.Direction == HeaderDirection.Request ? "RequestHeaderModifier" : "ResponseHeaderModifier";

    public string RequestRedirect(RequestRedirectFilter filter) => "RequestRedirect";

    public string UrlRewrite(UrlRewriteFilter filter) => "URLRewrite";

    public string RequestMirror(RequestMirrorFilter filter) => "RequestMirror";

    public string Cors(CorsFilter filter) => "CORS";

    public string Unsupported(UnsupportedFilter filter) => filter.Type.Length == 0 ? "(no type)" : filter.Type;
}

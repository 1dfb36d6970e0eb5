using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>The Gateway API <c>type</c> name of a filter, for messages and for spotting repeated types.</summary>
internal static class FilterTypes
{
    public static string NameOf(RouteFilter filter) => filter switch
    {
        HeaderModifierFilter { Direction: HeaderDirection.Request } => "RequestHeaderModifier",
        HeaderModifierFilter => "ResponseHeaderModifier",
        RequestRedirectFilter => "RequestRedirect",
        UrlRewriteFilter => "URLRewrite",
        RequestMirrorFilter => "RequestMirror",
        UnsupportedFilter u => u.Type.Length == 0 ? "(no type)" : u.Type,
        _ => filter.GetType().Name,
    };
}

using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Rules for RequestHeaderModifier / ResponseHeaderModifier: every name a valid header name, and no request filter
/// setting or adding <c>Host</c> (Envoy would change the authority behind the router's back; URLRewrite does it right).
/// </summary>
internal static class HeaderFilterRules
{
    public static void Check(PassContext context, RouteFacts facts, HeaderModifierFilter filter)
    {
        foreach (var header in filter.Set.Concat(filter.Add))
        {
            if (!HeaderNames.IsValid(header.Name))
                facts.Reject(context.Diagnostics.ReportInvalidHeaderName(header.Origin, header.Name).Message);
            else if (filter.Direction == HeaderDirection.Request && header.Name.Equals("host", StringComparison.OrdinalIgnoreCase))
                facts.Reject(context.Diagnostics.ReportHostHeaderModified(header.Origin).Message);
        }
        foreach (var name in filter.Remove.Where(n => !HeaderNames.IsValid(n)))
            facts.Reject(context.Diagnostics.ReportInvalidHeaderName(filter.Origin, name).Message);
    }
}

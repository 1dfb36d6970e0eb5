using System.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// The filters of a rule or backendRef sorted by what they become in Envoy: the redirect (a route's whole action),
/// the URL rewrite (part of the route action), the header modifiers (route or weighted-cluster header lists) and the
/// CORS policy (the route's <c>typed_per_filter_config</c>), each
/// the last of its kind as the Gateway API allows one. Request mirrors are translated from the resolved
/// <see cref="Semantics.BoundRule.Mirrors"/>, so here they only count as handled.
/// </summary>
internal sealed class RuleFilters : IRouteFilterVisitor<RuleFilters>
{
    private readonly List<HeaderModifierFilter> _headers = [];

    private RuleFilters() { }

    public RequestRedirectFilter? Redirect { get; private set; }
    public UrlRewriteFilter? Rewrite { get; private set; }
    public IReadOnlyList<HeaderModifierFilter> Headers => _headers;
    public CorsFilter? CorsPolicy { get; private set; }

    // Most rules and backends have no filters; they share this instance, which no visitor call ever changes.
    private static readonly RuleFilters s_none = new();

    public static RuleFilters Of(IEnumerable<RouteFilter> filters)
    {
        if (filters is IReadOnlyCollection<RouteFilter> { Count: 0 }) return s_none;
        var result = new RuleFilters();
        foreach (var filter in filters) filter.Accept(result);
        return result;
    }

    public RuleFilters HeaderModifier(HeaderModifierFilter filter)
    {
        _headers.Add(filter);
        return this;
    }

    public RuleFilters RequestRedirect(RequestRedirectFilter filter)
    {
        Redirect = filter;
        return this;
    }

    public RuleFilters UrlRewrite(UrlRewriteFilter filter)
    {
        Rewrite = filter;
        return this;
    }

    public RuleFilters RequestMirror(RequestMirrorFilter filter) => this;

    public RuleFilters Cors(CorsFilter filter)
    {
        CorsPolicy = filter;
        return this;
    }

    /// <summary>A route with a filter meshc does not compile is refused by the passes and never bound.</summary>
    public RuleFilters Unsupported(UnsupportedFilter filter) =>
        throw new UnreachableException($"filter '{filter.Type}' at {filter.Origin} reached the xDS translation");
}

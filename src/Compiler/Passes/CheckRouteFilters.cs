using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Checks the filters of every rule and backendRef: types meshc compiles, header modifiers (valid names, never
/// <c>Host</c>), redirects, rewrites and mirror shares, and combinations that cannot hold together (a redirect with a
/// rewrite or with backends, the same type twice). Each finding rejects the route (Accepted=False UnsupportedValue).
/// </summary>
internal sealed class CheckRouteFilters : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Routes.All)
        foreach (var rule in facts.Route.Rules)
        {
            foreach (var filter in rule.Filters) CheckRuleFilter(context, facts, rule, filter);
            CheckCombination(context, facts, rule);
            foreach (var backend in rule.Backends) CheckBackendFilters(context, facts, backend);
        }
    }

    private static void CheckRuleFilter(PassContext context, RouteFacts facts, RouteRule rule, RouteFilter filter) =>
        filter.Accept(new RuleFilterCheck(context, facts, rule));

    /// <summary>The checks of one filter of a rule, one method per kind of filter.</summary>
    private sealed class RuleFilterCheck(PassContext context, RouteFacts facts, RouteRule rule) : IRouteFilterVisitor<bool>
    {
        private bool Grpc => facts.Route.Kind == RouteKind.Grpc;

        public bool Unsupported(UnsupportedFilter filter)
        {
            CheckRouteFilters.Unsupported(context, facts, filter, null);
            return false;
        }

        public bool HeaderModifier(HeaderModifierFilter filter)
        {
            HeaderFilterRules.Check(context, facts, filter);
            return true;
        }

        public bool RequestRedirect(RequestRedirectFilter filter)
        {
            if (NotForGrpc(filter)) return false;
            foreach (var reason in RedirectRules.Problems(filter, rule))
                facts.Reject(context.Diagnostics.ReportInvalidRedirect(filter.Origin, reason).Message);
            return true;
        }

        public bool UrlRewrite(UrlRewriteFilter filter)
        {
            if (NotForGrpc(filter)) return false;
            foreach (var reason in RedirectRules.Problems(filter, rule))
                facts.Reject(context.Diagnostics.ReportInvalidRewrite(filter.Origin, reason).Message);
            return true;
        }

        public bool RequestMirror(RequestMirrorFilter filter)
        {
            if (RedirectRules.MirrorProblem(filter) is { } share)
                facts.Reject(context.Diagnostics.ReportInvalidMirrorFraction(filter.Origin, share).Message);
            return true;
        }

        /// <summary>The schema checks its fields; only an HTTPRoute rule takes it.</summary>
        public bool Cors(CorsFilter filter) => !NotForGrpc(filter);

        private bool NotForGrpc(RouteFilter filter)
        {
            if (!Grpc) return false;
            CheckRouteFilters.Unsupported(context, facts, filter, "GRPCRoute filters are header modifiers and RequestMirror");
            return true;
        }
    }

    private static void CheckCombination(PassContext context, RouteFacts facts, RouteRule rule)
    {
        var redirect = rule.Filters.OfType<RequestRedirectFilter>().FirstOrDefault();
        if (redirect is not null && rule.Filters.OfType<UrlRewriteFilter>().FirstOrDefault() is { } rewrite)
            Conflict(context, facts, Later(redirect, rewrite), "RequestRedirect and URLRewrite cannot be used together");
        if (redirect is not null && !rule.Backends.IsEmpty)
            Conflict(context, facts, redirect, "RequestRedirect answers the request itself, so the rule must not have backendRefs");
        Repeats(context, facts, rule.Filters);
    }

    private static void CheckBackendFilters(PassContext context, RouteFacts facts, BackendRef backend)
    {
        foreach (var filter in backend.Filters)
        {
            if (filter is HeaderModifierFilter headers) HeaderFilterRules.Check(context, facts, headers);
            else Unsupported(context, facts, filter, "a backendRef takes only RequestHeaderModifier and ResponseHeaderModifier");
        }
        Repeats(context, facts, backend.Filters);
    }

    /// <summary>The same filter type twice is ambiguous; RequestMirror is the exception (several mirrors are allowed).</summary>
    private static void Repeats(PassContext context, RouteFacts facts, IEnumerable<RouteFilter> filters)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var filter in filters.Where(f => f is not (RequestMirrorFilter or UnsupportedFilter)))
            if (!seen.Add(FilterTypes.NameOf(filter)))
                Conflict(context, facts, filter, $"{FilterTypes.NameOf(filter)} is given twice in one list");
    }

    private static void Unsupported(PassContext context, RouteFacts facts, RouteFilter filter, string? hint) =>
        facts.Reject(context.Diagnostics.ReportUnsupportedFilter(filter.Origin, FilterTypes.NameOf(filter), hint).Message);

    private static void Conflict(PassContext context, RouteFacts facts, RouteFilter at, string reason) =>
        facts.Reject(context.Diagnostics.ReportConflictingFilters(at.Origin, reason).Message);

    private static RouteFilter Later(RouteFilter a, RouteFilter b) => a.Origin.CompareTo(b.Origin) >= 0 ? a : b;
}

using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Meshc.Compiler.Ir;
using Route = Envoy.Config.Route.V3.Route;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// Builds one Envoy route from one rule and match. Each rule keeps its own route: Cilium main merges rules with the
/// same match into one route and joins their backends, which the Gateway API does not allow (cilium.md §7); newer
/// Cilium keys routes by rule, and so does meshc.
/// </summary>
internal static class RouteBuilder
{
    /// <summary>
    /// The match, then the action: 500 when the rule has nothing to answer with, the redirect when it redirects,
    /// otherwise forwarding; route-level header edits go on the route (not on a 500), a CORS policy on every route.
    /// </summary>
    public static Route Build(RouteSource source)
    {
        var route = new Route { Match = RouteMatchBuilder.Build(source.Match, source.IsGrpc) };
        var rule = source.Rule;
        var filters = RuleFilters.Of(rule.Rule.Filters);
        var redirect = filters.Redirect;
        // The policy answers preflights whatever the route then does, a 500 included (as Cilium sets it).
        if (filters.CorsPolicy is { } cors) route.TypedPerFilterConfig.Add(CorsPolicyBuilder.FilterName, CorsPolicyBuilder.PerRoute(cors));
        // A rule left without backends (and no redirect to answer instead) answers 500, as the Gateway API asks.
        if (rule.AnswersInternalError || (redirect is null && rule.Backends.IsEmpty))
        {
            route.DirectResponse = InternalError();
            return route;
        }
        var edits = HeaderEdits.From(rule.Rule.Filters);
        if (redirect is not null)
        {
            route.Redirect = RedirectBuilder.Build(redirect, source.Listener.Listener.Port);
        }
        else
        {
            route.Route_ = RouteActionBuilder.Build(source);
            // With a single backend its backendRef filters join the route's own, after them.
            if (RouteActionBuilder.SingleCluster(rule)) edits = edits.Then(HeaderEdits.From(rule.Backends[0].Ref.Filters));
        }
        edits.ApplyTo(route);
        return route;
    }

    // Cilium sends an empty inline body so Envoy answers with a plain 500 and no default text.
    private static DirectResponseAction InternalError() => new()
    {
        Status = 500,
        Body = new DataSource { InlineString = string.Empty },
    };
}

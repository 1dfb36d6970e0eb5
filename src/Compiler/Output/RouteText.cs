using Envoy.Config.Route.V3;

namespace Meshc.Compiler.Output;

/// <summary>Short, stable descriptions of an Envoy route's match and action, for people: route-test coverage reports and graph labels.</summary>
public static class RouteText
{
    public static string Match(RouteMatch m)
    {
        var path = m.PathSpecifierCase switch
        {
            RouteMatch.PathSpecifierOneofCase.Prefix => $"prefix {m.Prefix}",
            RouteMatch.PathSpecifierOneofCase.Path => $"path {m.Path}",
            RouteMatch.PathSpecifierOneofCase.PathSeparatedPrefix => $"path_separated_prefix {m.PathSeparatedPrefix}",
            RouteMatch.PathSpecifierOneofCase.SafeRegex => $"safe_regex {m.SafeRegex.Regex}",
            var other => other.ToString(),
        };
        var extras = new List<string>();
        if (m.Headers.Count > 0) extras.Add($"headers {string.Join(",", m.Headers.Select(h => h.Name))}");
        if (m.QueryParameters.Count > 0) extras.Add($"query {string.Join(",", m.QueryParameters.Select(q => q.Name))}");
        return extras.Count == 0 ? path : $"{path} ({string.Join("; ", extras)})";
    }

    public static string Action(Route route) => route.ActionCase switch
    {
        Route.ActionOneofCase.Route_ => route.Route_.ClusterSpecifierCase switch
        {
            RouteAction.ClusterSpecifierOneofCase.Cluster => route.Route_.Cluster,
            RouteAction.ClusterSpecifierOneofCase.ClusterHeader => $"cluster from header {route.Route_.ClusterHeader}",
            var other => other.ToString(),
        },
        Route.ActionOneofCase.Redirect => "redirect",
        Route.ActionOneofCase.DirectResponse => $"direct response {route.DirectResponse.Status}",
        var other => other.ToString(),
    };
}

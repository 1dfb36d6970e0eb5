using System.Text.Json.Nodes;
using Meshc.Compiler.FrontEnds.Dsl.Reading;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;

/// <summary>
/// The RouteConfiguration of a service route: one virtual host (the route's hosts, or every host), and one Envoy
/// route per match of each rule, in the order written (Envoy takes the first route that matches).
/// </summary>
internal static class EnvoyRouteJson
{
    public static JsonObject Build(string name, string virtualHost, IReadOnlyList<string> hosts, IReadOnlyList<DslRule> rules,
        Func<BackendRef, string> clusterName)
    {
        var routes = new JsonArray();
        foreach (var rule in rules)
        {
            var matches = rule.Rule.Matches.IsEmpty ? [null] : rule.Rule.Matches.Select(m => (RouteMatch?)m).ToArray();
            foreach (var match in matches) routes.Add((JsonNode)Route(rule, match, clusterName));
        }
        var domains = hosts.Count == 0 ? ["*"] : hosts.Select(h => (JsonNode)h).ToArray();
        return new JsonObject
        {
            ["@type"] = ServiceRouteTypes.RouteConfiguration,
            ["name"] = name,
            ["virtual_hosts"] = new JsonArray(new JsonObject
            {
                ["name"] = virtualHost,
                ["domains"] = new JsonArray(domains),
                ["routes"] = routes,
            }),
        };
    }

    private static JsonObject Route(DslRule rule, RouteMatch? match, Func<BackendRef, string> clusterName)
    {
        var route = new JsonObject();
        if (rule.Rule.Name is { } name) route["name"] = name;
        route["match"] = EnvoyMatchJson.Build(match);
        EnvoyActionJson.AddTo(route, rule, clusterName);
        foreach (var headers in rule.Rule.Filters.OfType<HeaderModifierFilter>()) AddHeaders(route, headers);
        return route;
    }

    private static void AddHeaders(JsonObject route, HeaderModifierFilter f)
    {
        var prefix = f.Direction == HeaderDirection.Request ? "request" : "response";
        var add = f.Set.Select(h => Header(h, "OVERWRITE_IF_EXISTS_OR_ADD"))
            .Concat(f.Add.Select(h => Header(h, "APPEND_IF_EXISTS_OR_ADD")))
            .ToArray();
        if (add.Length > 0) route[$"{prefix}_headers_to_add"] = new JsonArray(add);
        if (!f.Remove.IsEmpty) route[$"{prefix}_headers_to_remove"] = new JsonArray(f.Remove.Select(r => (JsonNode)r).ToArray());
    }

    private static JsonNode Header(HeaderValue h, string appendAction) => new JsonObject
    {
        ["header"] = new JsonObject { ["key"] = h.Name, ["value"] = h.Value },
        ["append_action"] = appendAction,
    };
}

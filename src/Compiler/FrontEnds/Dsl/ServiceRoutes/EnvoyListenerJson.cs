using System.Text.Json.Nodes;

namespace Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;

/// <summary>
/// The listener of a service route: one HTTP connection manager that reads its routes over RDS and ends in the
/// router filter, exactly as a hand-written CiliumEnvoyConfig for an L7 service does (Cilium adds its own filters).
/// The <c>paths</c> settings become the connection manager's path fields; unset ones are left out, as Envoy's defaults.
/// </summary>
internal static class EnvoyListenerJson
{
    public static JsonObject Build(string listenerName, string routeConfigName, PathOptions paths)
    {
        var listener = Listener(listenerName, routeConfigName);
        var hcm = listener["filter_chains"]![0]!["filters"]![0]!["typed_config"]!.AsObject();
        if (paths.Normalize) hcm["normalize_path"] = true;
        if (paths.MergeSlashes) hcm["merge_slashes"] = true;
        if (paths.EscapedSlashes is { } action) hcm["path_with_escaped_slashes_action"] = action;
        return listener;
    }

    private static JsonObject Listener(string listenerName, string routeConfigName) => new()
    {
        ["@type"] = ServiceRouteTypes.Listener,
        ["name"] = listenerName,
        ["filter_chains"] = new JsonArray(new JsonObject
        {
            ["filters"] = new JsonArray(new JsonObject
            {
                ["name"] = "envoy.filters.network.http_connection_manager",
                ["typed_config"] = new JsonObject
                {
                    ["@type"] = ServiceRouteTypes.HttpConnectionManager,
                    ["stat_prefix"] = listenerName,
                    ["rds"] = new JsonObject { ["route_config_name"] = routeConfigName },
                    ["http_filters"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "envoy.filters.http.router",
                        ["typed_config"] = new JsonObject { ["@type"] = ServiceRouteTypes.Router },
                    }),
                },
            }),
        }),
    };
}

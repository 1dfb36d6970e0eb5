using System.Text.Json.Nodes;

namespace Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;

/// <summary>
/// One EDS cluster of a service route, named <c>namespace/service</c> (or <c>namespace/service:port</c>), the
/// endpoint set Cilium publishes for a CiliumEnvoyConfig's backend Services. Counting local-origin failures
/// separately (<c>outlier local-failures N</c>) needs <c>split_external_local_origin_errors</c>, so it is set with it.
/// </summary>
internal static class EnvoyClusterJson
{
    public static JsonObject Build(string name, ClusterSettings settings)
    {
        var json = new JsonObject
        {
            ["@type"] = ServiceRouteTypes.Cluster,
            ["name"] = name,
            ["connect_timeout"] = ServiceRouteTypes.Duration(settings.ConnectTimeout),
            ["lb_policy"] = settings.LbPolicy,
            ["type"] = "EDS",
        };
        if (settings.Outlier.Count > 0)
        {
            var outlier = new JsonObject();
            if (settings.Outlier.Any(o => o.Field == "consecutive_local_origin_failure"))
                outlier["split_external_local_origin_errors"] = true;
            foreach (var (field, value) in settings.Outlier)
                outlier[field] = value is int n ? JsonValue.Create(n) : JsonValue.Create((string)value);
            json["outlier_detection"] = outlier;
        }
        return json;
    }
}

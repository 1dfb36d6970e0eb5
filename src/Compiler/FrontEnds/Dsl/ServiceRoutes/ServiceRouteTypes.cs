using System.Globalization;

namespace Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;

/// <summary>Type URLs and value formats of the Envoy resources a service route becomes.</summary>
internal static class ServiceRouteTypes
{
    public const string Listener = "type.googleapis.com/envoy.config.listener.v3.Listener";
    public const string RouteConfiguration = "type.googleapis.com/envoy.config.route.v3.RouteConfiguration";
    public const string Cluster = "type.googleapis.com/envoy.config.cluster.v3.Cluster";
    public const string HttpConnectionManager = "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";
    public const string Router = "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router";

    /// <summary>A duration as proto-JSON writes it: <c>5s</c>, <c>0.250s</c>.</summary>
    public static string Duration(TimeSpan value)
    {
        var ms = (long)value.TotalMilliseconds;
        return ms % 1000 == 0
            ? (ms / 1000).ToString(CultureInfo.InvariantCulture) + "s"
            : (ms / 1000).ToString(CultureInfo.InvariantCulture) + "." + (ms % 1000).ToString("000", CultureInfo.InvariantCulture) + "s";
    }
}

namespace Meshc.EnvoyApi;

/// <summary>
/// Type URLs of the Envoy messages meshc emits, as xDS resource types and as <c>Any</c>
/// <c>"@type"</c> values. Constants (not descriptor lookups) so they can be used in
/// <c>switch</c> arms and attributes; a test checks each against the generated descriptors.
/// </summary>
public static class EnvoyTypeUrls
{
    private const string Prefix = EnvoyTypes.TypeUrlPrefix;

    // --- xDS resources ---------------------------------------------------------------------

    /// <summary><c>envoy.config.listener.v3.Listener</c> (LDS).</summary>
    public const string Listener = Prefix + "envoy.config.listener.v3.Listener";

    /// <summary><c>envoy.config.route.v3.RouteConfiguration</c> (RDS).</summary>
    public const string RouteConfiguration = Prefix + "envoy.config.route.v3.RouteConfiguration";

    /// <summary><c>envoy.config.route.v3.ScopedRouteConfiguration</c> (SRDS).</summary>
    public const string ScopedRouteConfiguration = Prefix + "envoy.config.route.v3.ScopedRouteConfiguration";

    /// <summary><c>envoy.config.route.v3.VirtualHost</c> (VHDS).</summary>
    public const string VirtualHost = Prefix + "envoy.config.route.v3.VirtualHost";

    /// <summary><c>envoy.config.cluster.v3.Cluster</c> (CDS).</summary>
    public const string Cluster = Prefix + "envoy.config.cluster.v3.Cluster";

    /// <summary><c>envoy.config.endpoint.v3.ClusterLoadAssignment</c> (EDS).</summary>
    public const string ClusterLoadAssignment = Prefix + "envoy.config.endpoint.v3.ClusterLoadAssignment";

    /// <summary><c>envoy.extensions.transport_sockets.tls.v3.Secret</c> (SDS).</summary>
    public const string Secret = Prefix + "envoy.extensions.transport_sockets.tls.v3.Secret";

    /// <summary><c>envoy.config.bootstrap.v3.Bootstrap</c>: Envoy's static/bootstrap configuration.</summary>
    public const string Bootstrap = Prefix + "envoy.config.bootstrap.v3.Bootstrap";

    // --- Filter and extension configurations (typed_config) --------------------------------

    /// <summary>Network filter <c>envoy.filters.network.http_connection_manager</c>.</summary>
    public const string HttpConnectionManager = Prefix + "envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";

    /// <summary>Network filter <c>envoy.filters.network.tcp_proxy</c>.</summary>
    public const string TcpProxy = Prefix + "envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy";

    /// <summary>HTTP filter <c>envoy.filters.http.router</c>.</summary>
    public const string Router = Prefix + "envoy.extensions.filters.http.router.v3.Router";

    /// <summary>HTTP filter <c>envoy.filters.http.grpc_web</c>.</summary>
    public const string GrpcWeb = Prefix + "envoy.extensions.filters.http.grpc_web.v3.GrpcWeb";

    /// <summary>HTTP filter <c>envoy.filters.http.grpc_stats</c>.</summary>
    public const string GrpcStats = Prefix + "envoy.extensions.filters.http.grpc_stats.v3.FilterConfig";

    /// <summary>HTTP filter <c>envoy.filters.http.cors</c>.</summary>
    public const string Cors = Prefix + "envoy.extensions.filters.http.cors.v3.Cors";

    /// <summary>The per-route configuration of <c>envoy.filters.http.cors</c> (<c>typed_per_filter_config</c>).</summary>
    public const string CorsPolicy = Prefix + "envoy.extensions.filters.http.cors.v3.CorsPolicy";

    /// <summary>Listener filter <c>envoy.filters.listener.tls_inspector</c>.</summary>
    public const string TlsInspector = Prefix + "envoy.extensions.filters.listener.tls_inspector.v3.TlsInspector";

    /// <summary>Cluster <c>typed_extension_protocol_options</c> entry <c>envoy.extensions.upstreams.http.v3.HttpProtocolOptions</c>.</summary>
    public const string HttpProtocolOptions = Prefix + "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";

    /// <summary>Transport socket <c>envoy.transport_sockets.tls</c> on a listener (server side).</summary>
    public const string DownstreamTlsContext = Prefix + "envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext";

    /// <summary>Transport socket <c>envoy.transport_sockets.tls</c> on a cluster (client side).</summary>
    public const string UpstreamTlsContext = Prefix + "envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext";
}

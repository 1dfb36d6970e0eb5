using Envoy.Extensions.Filters.Http.Cors.V3;
using Envoy.Extensions.Filters.Http.GrpcStats.V3;
using Envoy.Extensions.Filters.Http.GrpcWeb.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Google.Protobuf.WellKnownTypes;
using CoreHttpProtocolOptions = Envoy.Config.Core.V3.HttpProtocolOptions;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>Builds the HTTP connection manager Cilium puts on every Gateway filter chain.</summary>
internal static class HttpConnectionManagerBuilder
{
    /// <summary>The network filter name the HCM is registered under.</summary>
    public const string FilterName = "envoy.filters.network.http_connection_manager";

    /// <summary>
    /// An HCM whose stat prefix and RDS route configuration are both <paramref name="name"/>; <paramref name="paths"/>
    /// (a Service's listener only) sets its path handling, and unset settings are left out, as Envoy's defaults.
    /// <paramref name="cors"/> adds Envoy's CORS filter before the router, for route configurations with a CORS policy.
    /// </summary>
    public static HttpConnectionManager Build(string name, CompilationOptions options, Ir.PathHandling? paths = null, bool cors = false)
    {
        var hcm = new HttpConnectionManager
        {
            StatPrefix = name,
            // The agent fills in the config source (it serves RDS itself), so only the name is set here.
            Rds = new Rds { RouteConfigName = name },
            UseRemoteAddress = true,
            SkipXffAppend = false,
            // 0s: no stream duration limit; request timeouts come from the routes.
            CommonHttpProtocolOptions = new CoreHttpProtocolOptions { MaxStreamDuration = Duration.FromTimeSpan(TimeSpan.Zero) },
            InternalAddressConfig = new HttpConnectionManager.Types.InternalAddressConfig { UnixSockets = false },
        };
        hcm.InternalAddressConfig.CidrRanges.Add(InternalAddresses.Ranges());
        // Order matters: grpc_web translates gRPC-Web before grpc_stats counts the call; the router is always last.
        hcm.HttpFilters.Add(Filter("envoy.filters.http.grpc_web", new GrpcWeb()));
        hcm.HttpFilters.Add(Filter("envoy.filters.http.grpc_stats", new FilterConfig { EmitFilterState = true, EnableUpstreamStats = true }));
        // The CORS filter answers preflights before the router picks a backend (newer Cilium's place for it).
        if (cors) hcm.HttpFilters.Add(Filter(CorsPolicyBuilder.FilterName, new Cors()));
        hcm.HttpFilters.Add(Filter("envoy.filters.http.router", new Router()));
        hcm.UpgradeConfigs.Add(new HttpConnectionManager.Types.UpgradeConfig { UpgradeType = "websocket" });
        if (options.StreamIdleTimeout > TimeSpan.Zero) hcm.StreamIdleTimeout = Duration.FromTimeSpan(options.StreamIdleTimeout);
        // Zero means "not set", which is Envoy's and Cilium's default.
        if (options.XffNumTrustedHops > 0) hcm.XffNumTrustedHops = (uint)options.XffNumTrustedHops;
        if (paths is not null) ApplyPaths(hcm, paths);
        return hcm;
    }

    private static void ApplyPaths(HttpConnectionManager hcm, Ir.PathHandling paths)
    {
        if (paths.Normalize) hcm.NormalizePath = true;
        if (paths.MergeSlashes) hcm.MergeSlashes = true;
        if (paths.EscapedSlashes is { } action)
            hcm.PathWithEscapedSlashesAction = action switch
            {
                Ir.EscapedSlashes.KeepUnchanged => HttpConnectionManager.Types.PathWithEscapedSlashesAction.KeepUnchanged,
                Ir.EscapedSlashes.RejectRequest => HttpConnectionManager.Types.PathWithEscapedSlashesAction.RejectRequest,
                Ir.EscapedSlashes.UnescapeAndRedirect => HttpConnectionManager.Types.PathWithEscapedSlashesAction.UnescapeAndRedirect,
                Ir.EscapedSlashes.UnescapeAndForward => HttpConnectionManager.Types.PathWithEscapedSlashesAction.UnescapeAndForward,
                _ => throw new InvalidOperationException($"escaped-slashes action {action} has no Envoy value"),
            };
    }

    private static HttpFilter Filter(string name, Google.Protobuf.IMessage config) =>
        new() { Name = name, TypedConfig = Any.Pack(config) };
}

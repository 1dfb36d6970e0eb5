using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;

namespace Meshc.Runtime.Model;

/// <summary>
/// Reads the TLS side of the xDS: a listener's <c>transport_protocol: tls</c> filter chains (a DownstreamTlsContext with
/// an HTTP connection manager, or a <c>tcp_proxy</c>) and a cluster's UpstreamTlsContext, by SDS name only; the
/// material behind the names is resolved separately (<see cref="TlsMaterial"/>).
/// </summary>
internal static class TlsChainReader
{
    private const string HcmFilter = "envoy.filters.network.http_connection_manager";
    private const string TcpProxyFilter = "envoy.filters.network.tcp_proxy";

    /// <summary>ALPN offered when the DownstreamTlsContext lists none (Cilium's <c>enable-gateway-api-alpn</c> value).</summary>
    public static readonly IReadOnlyList<string> DefaultAlpn = ["h2", "http/1.1"];

    public static bool IsTls(FilterChain chain) => chain.FilterChainMatch?.TransportProtocol == "tls";

    public static IReadOnlyList<TlsChainModel> Chains(Listener listener, Func<HttpConnectionManager, string> routeName, Func<HttpConnectionManager, HcmSettings> hcm)
    {
        var chains = new List<TlsChainModel>();
        foreach (var chain in listener.FilterChains.Where(IsTls))
        {
            var names = chain.FilterChainMatch.ServerNames.ToList();
            int? port = chain.FilterChainMatch.DestinationPort is { } p ? (int)p : null;
            var filter = chain.Filters.FirstOrDefault(f => f.TypedConfig is not null);
            if (filter?.Name == TcpProxyFilter)
            {
                var proxy = filter.TypedConfig.Unpack<TcpProxy>();
                var clusters = proxy.ClusterSpecifierCase == TcpProxy.ClusterSpecifierOneofCase.WeightedClusters
                    ? proxy.WeightedClusters.Clusters.Select(c => new WeightedClusterRef(c.Name, c.Weight)).ToList()
                    : [new WeightedClusterRef(proxy.Cluster, 1)];
                chains.Add(new PassthroughChainModel(names, port, proxy.StatPrefix, clusters));
            }
            else if (filter?.Name == HcmFilter && chain.TransportSocket?.TypedConfig is { } socket)
            {
                var context = socket.Unpack<DownstreamTlsContext>();
                var common = context.CommonTlsContext ?? new CommonTlsContext();
                var manager = filter.TypedConfig.Unpack<HttpConnectionManager>();
                var alpn = common.AlpnProtocols.Count > 0 ? common.AlpnProtocols.ToList() : DefaultAlpn;
                chains.Add(new TerminatingChainModel(names, port, common.TlsCertificateSdsSecretConfigs.Select(s => s.Name).ToList(),
                    Client(context, common), alpn, routeName(manager), hcm(manager)));
            }
        }
        return chains;
    }

    private static ClientValidationModel? Client(DownstreamTlsContext context, CommonTlsContext common)
    {
        var required = context.RequireClientCertificate ?? false;
        return common.ValidationContextTypeCase switch
        {
            CommonTlsContext.ValidationContextTypeOneofCase.ValidationContextSdsSecretConfig =>
                new ClientValidationModel(common.ValidationContextSdsSecretConfig.Name, required, false),
            CommonTlsContext.ValidationContextTypeOneofCase.CombinedValidationContext =>
                new ClientValidationModel(common.CombinedValidationContext.ValidationContextSdsSecretConfig?.Name ?? "", required,
                    common.CombinedValidationContext.DefaultValidationContext?.TrustChainVerification == CertificateValidationContext.Types.TrustChainVerification.AcceptUntrusted),
            _ => null,
        };
    }

    /// <summary>The cluster's upstream TLS, or null when it has no TLS transport socket.</summary>
    public static UpstreamTlsModel? Upstream(Cluster cluster)
    {
        if (cluster.TransportSocket?.TypedConfig is not { } any || !any.Is(UpstreamTlsContext.Descriptor)) return null;
        var context = any.Unpack<UpstreamTlsContext>();
        var common = context.CommonTlsContext ?? new CommonTlsContext();
        var (validation, sds) = common.ValidationContextTypeCase switch
        {
            CommonTlsContext.ValidationContextTypeOneofCase.CombinedValidationContext =>
                (common.CombinedValidationContext.DefaultValidationContext, common.CombinedValidationContext.ValidationContextSdsSecretConfig?.Name),
            CommonTlsContext.ValidationContextTypeOneofCase.ValidationContext => (common.ValidationContext, null),
            CommonTlsContext.ValidationContextTypeOneofCase.ValidationContextSdsSecretConfig => (null, common.ValidationContextSdsSecretConfig.Name),
            _ => ((CertificateValidationContext?)null, (string?)null),
        };
        var sans = validation?.MatchTypedSubjectAltNames
            .Where(m => m.Matcher?.MatchPatternCase == Envoy.Type.Matcher.V3.StringMatcher.MatchPatternOneofCase.Exact)
            .Select(m => new SanMatcher(m.SanType.ToString().ToUpperInvariant(), m.Matcher.Exact))
            .ToList() ?? [];
        return new UpstreamTlsModel(context.Sni, sds, validation?.SystemRootCerts is not null, sans, common.AlpnProtocols.ToList());
    }
}

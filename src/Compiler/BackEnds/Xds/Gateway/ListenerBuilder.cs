using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Listener.TlsInspector.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Google.Protobuf.WellKnownTypes;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// Builds the one Envoy listener (named <c>listener</c>) that serves all ports of a Gateway: a plain-HTTP chain, then
/// TLS-terminating chains (see <see cref="ProxyPlan.SecureChains"/>), then TLS passthrough chains (see
/// <see cref="PassthroughChain"/>). It has no address: the agent gives it a TPROXY port.
/// </summary>
internal static class ListenerBuilder
{
    /// <summary>Cilium's one listener per Gateway CEC.</summary>
    public const string ListenerName = "listener";

    /// <summary>HCM stat prefix and route configuration of the plain-HTTP chain.</summary>
    public const string InsecureName = ListenerName + "-insecure";

    /// <summary>HCM stat prefix and route configuration shared by all TLS chains.</summary>
    public const string SecureName = ListenerName + "-secure";

    /// <summary>The listener for <paramref name="plan"/>; the caller has checked that it has at least one listener.</summary>
    public static Listener Build(ProxyPlan plan, CompilationOptions options)
    {
        var listener = new Listener { Name = ListenerName };
        if (plan.HasInsecure) listener.FilterChains.Add(InsecureChain(options, plan.Paths, plan.UsesCors(secure: false)));
        var secureCors = plan.UsesCors(secure: true);
        foreach (var chain in plan.SecureChains())
            listener.FilterChains.Add(SecureChain(chain, options, secureCors));
        foreach (var chain in plan.Passthrough)
            listener.FilterChains.Add(PassthroughChainOf(chain));
        // tls_inspector tells the chains apart: raw_buffer vs tls, and the SNI for server_names.
        listener.ListenerFilters.Add(new ListenerFilter
        {
            Name = "envoy.filters.listener.tls_inspector",
            TypedConfig = Any.Pack(new TlsInspector()),
        });
        listener.SocketOptions.Add(KeepaliveSocketOptions.All());
        return listener;
    }

    private static FilterChain InsecureChain(CompilationOptions options, Ir.PathHandling? paths, bool cors)
    {
        var chain = new FilterChain { FilterChainMatch = new FilterChainMatch { TransportProtocol = "raw_buffer" } };
        chain.Filters.Add(HcmFilter(InsecureName, options, cors, paths));
        return chain;
    }

    private static FilterChain SecureChain(SecureChain secure, CompilationOptions options, bool cors)
    {
        var match = new FilterChainMatch { TransportProtocol = "tls" };
        if (secure.Port is { } port) match.DestinationPort = (uint)port;
        // Envoy has no "*" server name: a listener without a hostname matches any SNI, so the list is left out.
        if (!secure.Hostnames.Contains("*")) match.ServerNames.Add(secure.Hostnames);
        var chain = new FilterChain { FilterChainMatch = match, TransportSocket = TlsSocket(secure, options) };
        chain.Filters.Add(HcmFilter(SecureName, options, cors));
        return chain;
    }

    /// <summary>A passthrough chain: SNI match, no transport socket (TLS stays end to end), <c>tcp_proxy</c> to the backends.</summary>
    private static FilterChain PassthroughChainOf(PassthroughChain passthrough)
    {
        var match = new FilterChainMatch { TransportProtocol = "tls" };
        match.ServerNames.Add(passthrough.ServerNames);
        var proxy = new TcpProxy { StatPrefix = passthrough.StatPrefix };
        if (passthrough.SingleCluster is { } cluster)
        {
            proxy.Cluster = cluster;
        }
        else
        {
            var weighted = new TcpProxy.Types.WeightedCluster();
            foreach (var backend in passthrough.Backends)
                weighted.Clusters.Add(new TcpProxy.Types.WeightedCluster.Types.ClusterWeight { Name = backend.Target.ClusterName, Weight = (uint)backend.Weight });
            proxy.WeightedClusters = weighted;
        }
        var chain = new FilterChain { FilterChainMatch = match };
        chain.Filters.Add(new Filter { Name = TcpProxyFilterName, TypedConfig = Any.Pack(proxy) });
        return chain;
    }

    /// <summary>Envoy's TCP proxy network filter.</summary>
    public const string TcpProxyFilterName = "envoy.filters.network.tcp_proxy";

    private static Filter HcmFilter(string name, CompilationOptions options, bool cors, Ir.PathHandling? paths = null) => new()
    {
        Name = HttpConnectionManagerBuilder.FilterName,
        TypedConfig = Any.Pack(HttpConnectionManagerBuilder.Build(name, options, paths, cors)),
    };

    private static TransportSocket TlsSocket(SecureChain secure, CompilationOptions options)
    {
        var common = new CommonTlsContext();
        // Name only: the agent adds the SDS config source and serves the secret it reads from secretsync's copy.
        foreach (var secret in secure.Secrets)
            common.TlsCertificateSdsSecretConfigs.Add(new SdsSecretConfig { Name = secret.SdsName(options.SecretsNamespace) });
        var context = new DownstreamTlsContext { CommonTlsContext = common };
        if (secure.Validation is { } validation) ClientValidationContext.Apply(context, validation, options);
        return new TransportSocket
        {
            Name = "envoy.transport_sockets.tls",
            TypedConfig = Any.Pack(context),
        };
    }
}

namespace Meshc.Compiler.Ir;

/// <summary>
/// The whole input as one immutable model: what every front end produces and every pass reads.
/// Lists are sorted by object key so the model (and everything built from it) is independent of input order.
/// </summary>
public sealed record MeshModel(
    ValueList<GatewayClass> GatewayClasses,
    ValueList<Gateway> Gateways,
    ValueList<Route> Routes,
    ValueList<ReferenceGrant> ReferenceGrants,
    ValueList<Service> Services,
    ValueList<EndpointSet> EndpointSlices,
    ValueList<Secret> Secrets,
    ValueList<NamespaceObject> Namespaces,
    ValueList<Workload> Workloads,
    ValueList<EnvoyConfig> EnvoyConfigs,
    ValueList<Policy> Policies)
{
    /// <summary>
    /// CiliumNetworkPolicies, for the BPF back end. Left out of the printed IR when there are none, so the IR of a
    /// policy-free input reads as before.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public ValueList<NetworkPolicy> NetworkPolicies { get; init; }

    /// <summary>CiliumLoadBalancerIPPools, for Gateway addresses; left out of the printed IR when there are none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public ValueList<IpPool> IpPools { get; init; }

    /// <summary>BackendTLSPolicies; left out of the printed IR when there are none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public ValueList<BackendTlsPolicy> BackendTlsPolicies { get; init; }

    /// <summary>ConfigMaps (keys only), the CA bundles of TLS validation; left out of the printed IR when there are none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public ValueList<ConfigMapInfo> ConfigMaps { get; init; }

    /// <summary>ListenerSets; left out of the printed IR when there are none.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public ValueList<ListenerSet> ListenerSets { get; init; }

    public static readonly MeshModel Empty = new(
        ValueList<GatewayClass>.Empty, ValueList<Gateway>.Empty, ValueList<Route>.Empty, ValueList<ReferenceGrant>.Empty,
        ValueList<Service>.Empty, ValueList<EndpointSet>.Empty, ValueList<Secret>.Empty, ValueList<NamespaceObject>.Empty,
        ValueList<Workload>.Empty, ValueList<EnvoyConfig>.Empty, ValueList<Policy>.Empty);
}

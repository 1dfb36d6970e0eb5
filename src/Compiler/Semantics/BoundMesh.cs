using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Semantics;

/// <summary>
/// What the passes hand to the back ends: every accepted Gateway with the routes attached to each listener and
/// their resolved backends, plus the valid CiliumEnvoyConfigs. Back ends read only this and the model.
/// </summary>
public sealed record BoundMesh(MeshModel Model, ValueList<GatewayBinding> Gateways, ValueList<EnvoyConfig> EnvoyConfigs)
{
    /// <summary>The Gateway and Service addresses (LB IPAM and the service range).</summary>
    public AddressTable Addresses { get; init; } = AddressTable.Empty;

    /// <summary>The Services that routes attach to as their parent (GAMMA), in key order, each with its bound ports.</summary>
    public ValueList<ServiceBinding> ServiceParents { get; init; } = ValueList<ServiceBinding>.Empty;
}

/// <summary>A Service some route attaches to as its parent (GAMMA), with the routes bound to each of its ports.</summary>
public sealed record ServiceBinding(Service Service, ValueList<ServicePortBinding> Ports);

/// <summary>One port of a parent Service and the routes it serves, in route key order.</summary>
public sealed record ServicePortBinding(int Port, ValueList<RouteAttachment> Routes);

/// <summary>An accepted Gateway of ours and its listeners.</summary>
public sealed record GatewayBinding(Gateway Gateway, ValueList<ListenerBinding> Listeners);

/// <summary>A listener with the routes attached to it. Invalid listeners are kept (status) but carry no routes.</summary>
public sealed record ListenerBinding(Listener Listener, bool Valid, ValueList<RouteAttachment> Routes)
{
    /// <summary>
    /// The certificate Secrets an HTTPS listener serves, namespace filled in: the refs that are Secrets, permitted and
    /// not known to be broken. A Secret absent from the input stays (it may exist only in the cluster).
    /// </summary>
    public ValueList<ObjectRef> Certificates { get; init; }

    /// <summary>Client-certificate validation an HTTPS listener asks for (the Gateway's frontend TLS for its port); null: none.</summary>
    public ClientValidation? ClientValidation { get; init; }
}

/// <summary>A route attached to one listener through one parentRef, with the hostnames it serves there (empty: all).</summary>
public sealed record RouteAttachment(Route Route, ParentRef Parent, ValueList<string> Hostnames, ValueList<BoundRule> Rules);

/// <summary>
/// A rule with its backends resolved. Backends that failed to resolve are left out (the status says why);
/// when none is left and nothing else answers, or every weight is 0, <see cref="AnswersInternalError"/> is true (the
/// Gateway API's 500).
/// </summary>
public sealed record BoundRule(RouteRule Rule, int Index, ValueList<BoundBackend> Backends, ValueList<BoundMirror> Mirrors, bool AnswersInternalError)
{
    /// <summary>
    /// The summed weight of the backends left out because they failed to resolve. The Gateway API wants that share of
    /// requests answered with 500 (Cilium drops it silently); a back end may add a 500-answering slot of this weight.
    /// </summary>
    public long UnresolvedWeight { get; init; }
}

/// <summary>A resolved backend: the Service port it reaches and its weight.</summary>
public sealed record BoundBackend(BackendRef Ref, ServiceTarget Target, long Weight);

/// <summary>A resolved request mirror.</summary>
public sealed record BoundMirror(RequestMirrorFilter Filter, ServiceTarget Target);

/// <summary>A Service port as the data plane sees it. <see cref="ClusterName"/> follows Cilium: <c>ns:name:port</c>.</summary>
public sealed record ServiceTarget(string Namespace, string Name, int Port, string? AppProtocol)
{
    /// <summary>Upstream TLS from the BackendTLSPolicy accepted for this Service port; null: plaintext.</summary>
    public UpstreamTls? Tls { get; init; }

    /// <summary>The Envoy cluster name Cilium's Gateway API translation uses (':' keeps the agent from qualifying it).</summary>
    public string ClusterName => $"{Namespace}:{Name}:{Port}";

    /// <summary>The EDS service name (<c>ns/name:port</c>), global across CiliumEnvoyConfigs.</summary>
    public string EdsServiceName => $"{Namespace}/{Name}:{Port}";
}

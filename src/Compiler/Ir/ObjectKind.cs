namespace Meshc.Compiler.Ir;

/// <summary>The kinds of object the IR holds. Their names are the Kubernetes kinds they come from.</summary>
public enum ObjectKind
{
    GatewayClass,
    Gateway,
    HTTPRoute,
    GRPCRoute,
    ReferenceGrant,
    Service,
    EndpointSlice,
    Secret,
    Namespace,
    Workload,
    CiliumEnvoyConfig,
    CiliumClusterwideEnvoyConfig,
    CiliumNetworkPolicy,
    /// <summary>A DSL network policy (<see cref="Policy"/>).</summary>
    Policy,
    CiliumLoadBalancerIPPool,
    TLSRoute,
    BackendTLSPolicy,
    ConfigMap,
    ListenerSet,
}

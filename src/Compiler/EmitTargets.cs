namespace Meshc.Compiler;

/// <summary>What a compilation writes into its bundle.</summary>
[Flags]
public enum EmitTargets
{
    None = 0,
    /// <summary>Envoy xDS (listeners, routes, clusters, endpoints) and an Envoy bootstrap that loads them.</summary>
    Xds = 1,
    /// <summary>Gateway API status of every object meshc owns.</summary>
    Status = 2,
    /// <summary>The IR, for debugging and goldens.</summary>
    Ir = 4,
    /// <summary>The Gateway API, CiliumEnvoyConfig and Service manifests equivalent to the input (what a DSL program means as YAML).</summary>
    GatewayApi = 8,
    /// <summary>Kubernetes manifests: the CiliumEnvoyConfigs and Services Cilium would run, and status patches.</summary>
    K8s = 16,
    /// <summary>Cilium BPF map contents (policy, load balancer, ipcache) and identities under bpf/ (docs/bpf.md).</summary>
    Bpf = 32,
    /// <summary>Envoy bootstraps that take their configuration over ADS from <c>meshc serve</c>, one per Gateway (docs/xds.md).</summary>
    EnvoyAds = 64,
    /// <summary>The Kubernetes manifests that run <c>meshc serve</c> and a DaemonSet of meshc proxies fed by it (docs/deploy.md).</summary>
    K8sServe = 128,
    Default = Xds | Status,
}

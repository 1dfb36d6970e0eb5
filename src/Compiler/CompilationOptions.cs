namespace Meshc.Compiler;

/// <summary>Settings of one compilation. Defaults match what Cilium's operator and agent use out of the box.</summary>
public sealed record CompilationOptions
{
    public static readonly CompilationOptions Default = new();

    /// <summary>The GatewayClass controller whose Gateways meshc compiles.</summary>
    public string ControllerName { get; init; } = Ir.GatewayClass.CiliumController;

    /// <summary>HCM stream idle timeout (Cilium operator flag proxy-stream-idle-timeout-seconds, default 300 s).</summary>
    public TimeSpan StreamIdleTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Upstream connection idle timeout (Cilium operator flag proxy-idle-timeout-seconds, default 60 s).</summary>
    public TimeSpan UpstreamIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Trusted proxies in front of the gateway for x-forwarded-for (0 = not set, Cilium's default).</summary>
    public int XffNumTrustedHops { get; init; }

    /// <summary>The namespace Cilium copies TLS Secrets into (secretsync); SDS names are <c>&lt;this&gt;/&lt;ns&gt;-&lt;name&gt;</c>.</summary>
    public string SecretsNamespace { get; init; } = "cilium-secrets";

    /// <summary>First port of the range listeners without an address get (Cilium allocates CRD proxy ports from its proxy range).</summary>
    public int ProxyPortBase { get; init; } = 10000;

    /// <summary>The pool Gateways get addresses from when neither the input nor the options give one: loopback, for local runs.</summary>
    public const string DefaultLoadBalancerPool = "127.0.100.0/24";

    /// <summary>
    /// Extra LB-IPAM pools (IPv4 CIDRs, <c>--lb-pool</c>) that select every Gateway, after the input's
    /// CiliumLoadBalancerIPPools. With neither, <see cref="DefaultLoadBalancerPool"/> is used.
    /// </summary>
    public Ir.ValueList<string> LoadBalancerPools { get; init; }

    /// <summary>The IPv4 range Services without a clusterIP get one from (<c>--service-cidr</c>); loopback, for local runs.</summary>
    public string ServiceCidr { get; init; } = "127.0.200.0/24";

    /// <summary>
    /// How many cores a compilation may use for its independent work (parsing files, formatting xDS resources):
    /// 0 = all, 1 = one at a time. The output is byte-identical either way.
    /// </summary>
    public int MaxParallelism { get; init; }
}

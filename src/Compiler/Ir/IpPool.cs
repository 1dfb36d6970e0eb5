namespace Meshc.Compiler.Ir;

/// <summary>
/// A CiliumLoadBalancerIPPool (cluster-scoped): the IPv4 blocks Cilium's LB IPAM assigns LoadBalancer addresses from,
/// the Services it serves (<c>spec.serviceSelector</c>; null selects every Service) and whether it is disabled.
/// </summary>
public sealed record IpPool(ObjectMeta Meta, ValueList<IpPoolBlock> Blocks, LabelSelector? ServiceSelector, bool Disabled, bool AllowFirstLastIps)
    : IMeshObject
{
    [System.Text.Json.Serialization.JsonIgnore]
    public ObjectKey Key => new(ObjectKind.CiliumLoadBalancerIPPool, "", Meta.Name);
}

/// <summary>One usable IPv4 block of a pool: the range <see cref="First"/>..<see cref="Last"/> (inclusive), and the block as written.</summary>
public sealed record IpPoolBlock(string Written, string First, string Last, Text.SourceLocation Origin) : IHasOrigin;

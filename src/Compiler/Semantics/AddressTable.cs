using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Semantics;

/// <summary>
/// The addresses a compilation bound, the one source every back end and the runtime read them from: each Gateway's
/// LoadBalancer address (from an LB-IPAM pool) and the clusterIP of its generated Service, and each Service's
/// clusterIP (as given, or assigned from the service range).
/// </summary>
public sealed record AddressTable(ValueList<GatewayAddressBinding> Gateways, ValueList<ServiceAddressBinding> Services)
{
    public static readonly AddressTable Empty = new(ValueList<GatewayAddressBinding>.Empty, ValueList<ServiceAddressBinding>.Empty);

    /// <summary>The entry of a Gateway, or null when it is not bound.</summary>
    public GatewayAddressBinding? FindGateway(ObjectKey gateway) => Gateways.FirstOrDefault(g => g.Gateway == gateway);

    /// <summary>The entry of a declared Service, or null when it has no IPv4 clusterIP (headless, IPv6 only, range full).</summary>
    public ServiceAddressBinding? FindService(string ns, string name) =>
        Services.FirstOrDefault(s => s.Namespace == ns && s.Name == name);
}

/// <summary>
/// A Gateway's addresses: <see cref="Address"/> is its LoadBalancer address (null when none could be assigned) and
/// <see cref="ServiceClusterIp"/> the clusterIP of its <c>cilium-gateway-&lt;name&gt;</c> Service.
/// </summary>
public sealed record GatewayAddressBinding(ObjectKey Gateway, string? Address, string? Pool, string? ServiceClusterIp);

/// <summary>A declared Service's IPv4 clusterIP; <see cref="Assigned"/> when meshc gave it one from the service range.</summary>
public sealed record ServiceAddressBinding(string Namespace, string Name, string ClusterIp, bool Assigned, SourceLocation Origin);

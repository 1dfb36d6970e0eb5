using System.Net;
using Meshc.Compiler.Text;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Bpf.Identities;

/// <summary>
/// Every identity of a compilation, with the workloads, endpoint addresses and CIDRs they belong to. Immutable;
/// built by <see cref="IdentityAllocator"/>.
/// </summary>
public sealed class IdentityTable
{
    private readonly IReadOnlyDictionary<uint, SecurityIdentity> _byId;

    internal IdentityTable(IReadOnlyList<SecurityIdentity> identities, IReadOnlyDictionary<ObjectKey, uint> workloads,
        IReadOnlyDictionary<string, uint> addresses, IReadOnlyDictionary<string, uint> cidrs)
    {
        Identities = identities;
        Workloads = workloads;
        Addresses = addresses;
        Cidrs = cidrs;
        _byId = identities.ToDictionary(i => i.Id);
    }

    /// <summary>All identities in id order: reserved, cluster-local, then CIDR.</summary>
    public IReadOnlyList<SecurityIdentity> Identities { get; }

    /// <summary>The identity of each workload's pods.</summary>
    public IReadOnlyDictionary<ObjectKey, uint> Workloads { get; }

    /// <summary>The identity of each known endpoint address (EndpointSlices).</summary>
    public IReadOnlyDictionary<string, uint> Addresses { get; }

    /// <summary>The identity of each CIDR policies name, by its normalised text (<c>10.0.0.0/8</c>).</summary>
    public IReadOnlyDictionary<string, uint> Cidrs { get; }

    public SecurityIdentity? Find(uint id) => _byId.GetValueOrDefault(id);

    /// <summary>Cluster-local identities whose labels <paramref name="selector"/> selects.</summary>
    public IEnumerable<SecurityIdentity> Select(Func<IReadOnlyList<Label>, bool> selector) =>
        Identities.Where(i => i.Kind == IdentityKind.Workload && selector(i.Labels));

    /// <summary>The identity of an address as the ipcache resolves it: a known endpoint, the longest CIDR, else world.</summary>
    public uint Resolve(IPAddress address)
    {
        if (Addresses.TryGetValue(address.ToString(), out var id)) return id;
        var best = (Bits: -1, Id: ReservedIdentities.World);
        foreach (var (cidr, cidrId) in Cidrs)
        {
            if (CidrText.TryParse(cidr, out var network, out var bits) && bits > best.Bits && CidrText.Contains(network, bits, address))
                best = (bits, cidrId);
        }
        return best.Id;
    }
}

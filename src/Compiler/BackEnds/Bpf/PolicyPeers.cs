using Meshc.Compiler.BackEnds.Bpf.Identities;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// The remote identities a rule's peers stand for. No peers is the wildcard identity 0 (an L4-only rule), as is
/// the entity <c>all</c>; <c>cluster</c> is every cluster-local identity plus the reserved in-cluster ones; a CIDR
/// is its own identity and every more specific CIDR identity inside it (and world for a /0).
/// </summary>
internal static class PolicyPeers
{
    private static readonly uint[] ClusterReserved =
    [
        ReservedIdentities.Host, ReservedIdentities.Unmanaged, ReservedIdentities.Health, ReservedIdentities.Init,
        ReservedIdentities.RemoteNode, ReservedIdentities.KubeApiServer, ReservedIdentities.Ingress,
    ];

    public static IReadOnlyList<uint> Identities(NetworkPolicyRule rule, string policyNamespace, IdentityTable table)
    {
        if (rule.Peers.IsEmpty) return [ReservedIdentities.Any];
        var ids = new SortedSet<uint>();
        foreach (var peer in rule.Peers)
        {
            if (peer.Selector is { } selector)
            {
                var scoped = PolicySelectors.Scoped(selector, policyNamespace);
                ids.UnionWith(table.Select(scoped.Matches).Select(i => i.Id));
            }
            else if (peer.Cidr is { } cidr && CidrText.TryParse(cidr, out var network, out var bits))
            {
                if (bits == 0) ids.Add(ReservedIdentities.World);
                foreach (var (other, id) in table.Cidrs)
                {
                    if (CidrText.TryParse(other, out var inner, out var innerBits) && innerBits >= bits && CidrText.Contains(network, bits, inner))
                        ids.Add(id);
                }
            }
            else if (peer.Entity is { } entity)
            {
                ids.UnionWith(Entity(entity, table));
            }
        }
        return ids.Contains(ReservedIdentities.Any) ? [ReservedIdentities.Any] : [.. ids];
    }

    private static IEnumerable<uint> Entity(string entity, IdentityTable table) => entity switch
    {
        "all" => [ReservedIdentities.Any],
        "world" => [ReservedIdentities.World],
        "host" => [ReservedIdentities.Host],
        "remote-node" => [ReservedIdentities.RemoteNode],
        "health" => [ReservedIdentities.Health],
        "init" => [ReservedIdentities.Init],
        "ingress" => [ReservedIdentities.Ingress],
        "unmanaged" => [ReservedIdentities.Unmanaged],
        "kube-apiserver" => [ReservedIdentities.KubeApiServer],
        "cluster" => ClusterReserved.Concat(table.Identities.Where(i => i.Kind == IdentityKind.Workload).Select(i => i.Id)),
        _ => [],
    };
}

using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// Lowers the DSL's policies (<see cref="Policy"/>) to the CiliumNetworkPolicy form the policy maps are built from,
/// as the DSL means them: the subject is the endpoint selector; each rule keeps its action and direction, its peer
/// selector (none: any peer), its ports (none: any) and its HTTP rules (with no port, on any TCP port). Rules are
/// indexed within their section (<c>ingress</c>, <c>ingressDeny</c>, …), as a CiliumNetworkPolicy would list them.
/// </summary>
internal static class DslPolicyLowering
{
    public static NetworkPolicy Lower(Policy policy)
    {
        var counters = new Dictionary<(TrafficDirection, PolicyAction), int>();
        var rules = new List<NetworkPolicyRule>();
        foreach (var rule in policy.Rules)
        {
            var section = (rule.Direction, rule.Action);
            var index = counters.GetValueOrDefault(section);
            counters[section] = index + 1;
            var http = rule.Http
                .Select(h => new NetworkPolicyHttpRule(h.Method, h.Path, h.Headers.Select(v => v.Value.Length == 0 ? v.Name : $"{v.Name}: {v.Value}").ToValueList(), h.Origin))
                .ToValueList();
            var ports = rule.Ports.Select(p => new NetworkPolicyPort(p.Port, 0, p.Protocol, http, p.Origin)).ToList();
            if (ports.Count == 0 && !http.IsEmpty) ports.Add(new NetworkPolicyPort(0, 0, "TCP", http, rule.Origin));
            var peers = rule.Peer is { } peer ? ValueList.Of(new NetworkPolicyPeer(peer, null, null, rule.Origin)) : ValueList<NetworkPolicyPeer>.Empty;
            rules.Add(new NetworkPolicyRule(
                rule.Direction == TrafficDirection.Ingress ? PolicyDirection.Ingress : PolicyDirection.Egress,
                rule.Action == PolicyAction.Deny, index, peers, ports.ToValueList(), rule.Origin));
        }
        return new NetworkPolicy(policy.Meta, policy.Subject, rules.ToValueList());
    }
}

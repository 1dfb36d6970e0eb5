using System.Globalization;
using Meshc.Compiler.BackEnds.Bpf.Identities;
using Meshc.Compiler.BackEnds.Bpf.Layouts;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// Builds one policy map per workload (endpoint ids 1.. in workload order). Each rule of each policy whose
/// endpointSelector selects the workload gives an entry per remote identity × protocol/port block: deny rules
/// with the deny bit at deny precedence, allow rules at allow precedence, HTTP rules redirecting to the direction's
/// proxy port at the HTTP listener's precedence. Where two rules give the same key the higher precedence stays (the
/// first rule on a tie). A direction no rule governs gets the allow-all entry (identity 0, prefix 40), because
/// Cilium enforces a direction only once a policy selects the endpoint for it. Cookies number the rules from 1.
/// </summary>
public static class PolicyMapBuilder
{
    public const int DefaultMaxEntries = 16384;

    public static (IReadOnlyList<PolicyEndpoint> Endpoints, IReadOnlyList<PolicyRuleRef> Rules) Build(
        MeshModel model, IdentityTable identities, PolicyProxyPorts proxyPorts)
    {
        var rules = new List<(NetworkPolicy Policy, NetworkPolicyRule Rule, PolicyRuleRef Ref)>();
        foreach (var policy in model.NetworkPolicies)
            foreach (var rule in policy.Rules)
                rules.Add((policy, rule, new PolicyRuleRef((uint)rules.Count + 1, policy.Key.QualifiedName, rule.Name, rule.Origin)));
        var allowAll = new PolicyRuleRef(0, "", "", Text.SourceLocation.None);

        var endpoints = new List<PolicyEndpoint>();
        foreach (var (workload, index) in model.Workloads.Select((w, i) => (w, i)))
        {
            var labels = PolicySelectors.PodLabels(workload);
            var applying = rules.Where(r => PolicySelectors.Scoped(r.Policy.EndpointSelector, r.Policy.Meta.Namespace).Matches(labels)).ToList();
            var entries = new Dictionary<PolicyKey, (PolicyEntry Entry, PolicyRuleRef Ref)>();
            var httpRules = new List<PolicyHttpRules>();
            foreach (var (policy, rule, reference) in applying)
            {
                var egress = rule.Direction == PolicyDirection.Egress;
                var peers = PolicyPeers.Identities(rule, policy.Meta.Namespace, identities);
                if (!rule.Deny)
                {
                    foreach (var port in rule.Ports.Where(p => !p.Http.IsEmpty && p.Protocol is "TCP" or "ANY"))
                        httpRules.Add(new PolicyHttpRules(reference.Cookie, egress, peers, port.Port, port.Port == 0 ? 65535 : port.LastPort, port.Http));
                }
                foreach (var id in peers)
                {
                    foreach (var part in PolicyPorts.Parts(rule))
                    {
                        var key = new PolicyKey(part.PrefixLength, id, egress, part.Protocol, part.Port);
                        var http = !rule.Deny && part.Protocol == PolicyPorts.Tcp && part.Source is { Http.IsEmpty: false };
                        var entry = new PolicyEntry(
                            ProxyPort: http ? (ushort)proxyPorts.For(rule.Direction) : (ushort)0,
                            Deny: rule.Deny,
                            PrefixLength: key.DataPrefixBits,
                            AuthType: 0,
                            HasExplicitAuth: false,
                            Precedence: rule.Deny ? PolicyPrecedence.Deny() : http ? PolicyPrecedence.HttpRedirect() : PolicyPrecedence.Allow(),
                            Cookie: reference.Cookie);
                        if (!entries.TryGetValue(key, out var existing) || existing.Entry.Precedence < entry.Precedence)
                            entries[key] = (entry, reference);
                    }
                }
            }
            foreach (var direction in new[] { PolicyDirection.Ingress, PolicyDirection.Egress })
            {
                if (applying.Any(r => r.Rule.Direction == direction)) continue;
                var key = new PolicyKey(PolicyKey.StaticPrefixBits, ReservedIdentities.Any, direction == PolicyDirection.Egress, 0, 0);
                entries[key] = (new PolicyEntry(0, false, 0, 0, false, PolicyPrecedence.Allow(), 0), allowAll);
            }
            var endpointId = index + 1;
            var map = BpfMap.Create(PolicyEndpoint.MapName(endpointId), PolicyKey.Size, PolicyEntry.Size, DefaultMaxEntries,
                entries.Select(e => new BpfMapEntry(e.Key.ToBytes(), e.Value.Entry.ToBytes(), Describe(e.Key, e.Value.Entry, e.Value.Ref, identities))));
            endpoints.Add(new PolicyEndpoint(endpointId, workload, identities.Workloads[workload.Key], map, httpRules));
        }
        return (endpoints, [.. rules.Select(r => r.Ref)]);
    }

    /// <summary>The column heading of a policy map dump, in the shape of <c>cilium-dbg bpf policy get</c>.</summary>
    public const string DumpHeading = "# POLICY  DIRECTION  IDENTITY  LABELS (source:key[=value])  PORT/PROTO  PROXY PORT  PREFIX  PRECEDENCE  RULE";

    private static string Describe(PolicyKey key, PolicyEntry entry, PolicyRuleRef rule, IdentityTable identities)
    {
        var labels = key.Identity == ReservedIdentities.Any ? "reserved:unknown" : identities.Find(key.Identity)?.Display ?? "?";
        return string.Join("  ",
            entry.Deny ? "Deny " : "Allow",
            key.Egress ? "Egress " : "Ingress",
            key.Identity.ToString(CultureInfo.InvariantCulture),
            labels,
            PortText(key),
            entry.ProxyPort == 0 ? "NONE" : entry.ProxyPort.ToString(CultureInfo.InvariantCulture),
            entry.PrefixLength.ToString(CultureInfo.InvariantCulture),
            $"0x{entry.Precedence:X8}",
            rule.Display);
    }

    private static string PortText(PolicyKey key)
    {
        if (key.PrefixLength <= PolicyKey.StaticPrefixBits) return "ANY";
        var protocol = PolicyPorts.Name(key.Protocol);
        var portBits = (int)key.PrefixLength - 48;
        if (portBits <= 0) return $"ANY/{protocol}";
        if (portBits == 16) return $"{key.Port}/{protocol}";
        return $"{key.Port}-{key.Port + (1 << (16 - portBits)) - 1}/{protocol}";
    }
}

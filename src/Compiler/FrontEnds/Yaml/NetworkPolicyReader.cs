using System.Globalization;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Reads a CiliumNetworkPolicy (cilium.io/v2): <c>spec.endpointSelector</c> and the rules of <c>ingress</c>,
/// <c>egress</c>, <c>ingressDeny</c> and <c>egressDeny</c> with their peers (endpoints, CIDRs, entities) and
/// <c>toPorts</c> (ports, ranges, protocols, <c>rules.http</c>). A peer or port that cannot be read is reported
/// and left out; the rest of the rule stays.
/// </summary>
internal static class NetworkPolicyReader
{
    /// <summary>The entities meshc maps to identities (Cilium's <c>pkg/policy/api/entity.go</c> names).</summary>
    public static readonly string[] Entities =
        ["all", "cluster", "health", "host", "ingress", "init", "kube-apiserver", "remote-node", "unmanaged", "world"];

    private static readonly string[] Protocols = ["TCP", "UDP", "SCTP", "ANY"];

    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        var spec = obj.Root.Map("spec");
        if (spec is null)
        {
            if (obj.Root.Get("specs") is not null) diagnostics.ReportUnsupportedFeature(obj.Location, "CiliumNetworkPolicy 'specs' (a list of specs)");
            else diagnostics.ReportMissingField(obj.Location, obj.Kind, "spec");
            return null;
        }
        var selector = spec.Map("endpointSelector") is { } s ? LabelSelectorReader.Read(s) : new LabelSelector(ValueList<Label>.Empty, ValueList<SelectorRequirement>.Empty);
        var rules = new List<NetworkPolicyRule>();
        foreach (var (section, direction, deny) in Sections)
        {
            var index = 0;
            foreach (var rule in spec.Maps(section))
                rules.Add(ReadRule(rule, direction, deny, index++, obj.Path, diagnostics));
        }
        return new NetworkPolicy(meta, selector, rules.ToValueList());
    }

    private static readonly (string Section, PolicyDirection Direction, bool Deny)[] Sections =
    [
        ("ingress", PolicyDirection.Ingress, false), ("ingressDeny", PolicyDirection.Ingress, true),
        ("egress", PolicyDirection.Egress, false), ("egressDeny", PolicyDirection.Egress, true),
    ];

    private static NetworkPolicyRule ReadRule(YamlMappingNode rule, PolicyDirection direction, bool deny, int index, string path, DiagnosticBag diagnostics)
    {
        var prefix = direction == PolicyDirection.Ingress ? "from" : "to";
        var peers = new List<NetworkPolicyPeer>();
        foreach (var selector in rule.Maps($"{prefix}Endpoints"))
            peers.Add(new NetworkPolicyPeer(LabelSelectorReader.Read(selector), null, null, selector.LocationIn(path)));
        foreach (var node in rule.Seq($"{prefix}CIDR").OfType<YamlScalarNode>())
        {
            var at = node.LocationIn(path);
            var text = node.Value ?? "";
            if (Text.CidrText.TryParse(text, out var network, out var bits))
                peers.Add(new NetworkPolicyPeer(null, Text.CidrText.Normalize(network, bits), null, at));
            else
                diagnostics.ReportPolicyCidrInvalid(at, text, "expected an address and a prefix length, such as 10.0.0.0/8");
        }
        foreach (var node in rule.Seq($"{prefix}Entities").OfType<YamlScalarNode>())
        {
            var at = node.LocationIn(path);
            var entity = node.Value ?? "";
            if (Entities.Contains(entity)) peers.Add(new NetworkPolicyPeer(null, null, entity, at));
            else diagnostics.ReportPolicyEntityUnknown(at, entity, string.Join(", ", Entities),
                Text.Spelling.DidYouMean(entity, Entities));
        }
        var ports = rule.Maps("toPorts").SelectMany(p => ReadPorts(p, path, diagnostics)).ToValueList();
        return new NetworkPolicyRule(direction, deny, index, peers.ToValueList(), ports, rule.LocationIn(path));
    }

    private static IEnumerable<NetworkPolicyPort> ReadPorts(YamlMappingNode toPorts, string path, DiagnosticBag diagnostics)
    {
        var http = toPorts.Map("rules").Maps("http")
            .Select(h => new NetworkPolicyHttpRule(h.Str("method"), h.Str("path"), h.Strings("headers").ToValueList(), h.LocationIn(path)))
            .ToValueList();
        foreach (var entry in toPorts.Maps("ports"))
        {
            var at = entry.LocationIn(path);
            var portText = entry.Str("port") ?? "0";
            var protocol = (entry.Str("protocol") ?? "ANY").ToUpperInvariant();
            if (!Protocols.Contains(protocol))
            {
                diagnostics.ReportPolicyProtocolInvalid(at, entry.Str("protocol") ?? "");
                continue;
            }
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                diagnostics.ReportPolicyPortInvalid(at, portText, "expected a number from 0 to 65535 (named ports are not supported)");
                continue;
            }
            var endPort = entry.Int("endPort") ?? 0;
            if (endPort != 0 && (endPort < port || endPort > 65535 || port == 0))
            {
                diagnostics.ReportPolicyPortInvalid(at, $"{port}-{endPort}", "endPort must be from port to 65535, and port must not be 0");
                continue;
            }
            yield return new NetworkPolicyPort(port, endPort, protocol, http, at);
        }
    }
}

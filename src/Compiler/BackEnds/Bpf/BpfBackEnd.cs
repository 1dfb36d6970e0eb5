using Meshc.Compiler.BackEnds.Bpf.Identities;
using Meshc.Compiler.BackEnds.Xds.Agent;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// The BPF part of a bundle (docs/bpf.md): identities, one policy map per endpoint, the IPv4 load-balancer maps and
/// the ipcache, each as <c>bpf/&lt;map&gt;.bin</c> in Cilium's byte layouts with a readable <c>bpf/&lt;map&gt;.txt</c>
/// beside it, plus <c>bpf/identities.txt</c>. A map over its default capacity is an error.
/// </summary>
internal static class BpfBackEnd
{
    /// <summary>The maps of one compilation, before they are written.</summary>
    public sealed record BpfMaps(IdentityTable Identities, IReadOnlyList<PolicyEndpoint> Endpoints, IReadOnlyList<PolicyRuleRef> Rules,
        PolicyProxyPorts ProxyPorts, BpfMap Services, BpfMap Backends, BpfMap RevNat, BpfMap Ipcache, IReadOnlyList<LbMapBuilder.Frontend> Frontends,
        IReadOnlyDictionary<string, IReadOnlyList<int>> ServiceEndpoints);

    public static BpfMaps Compile(MeshModel model, AddressTable addresses, CompilationOptions options, IReadOnlyList<ProxyRedirect> redirects, IReadOnlyList<int> takenPorts, DiagnosticBag diagnostics)
    {
        // The DSL's policies join the CiliumNetworkPolicies in the form those take; names keep both apart by kind.
        model = model with { NetworkPolicies = model.NetworkPolicies.Concat(model.Policies.Select(DslPolicyLowering.Lower)).ToValueList() };
        var cidrs = model.NetworkPolicies.SelectMany(p => p.Rules).SelectMany(r => r.Peers).Select(p => p.Cidr).OfType<string>();
        var identities = IdentityAllocator.Allocate(model, cidrs);
        var proxyPorts = AllocateProxyPorts(takenPorts, options.ProxyPortBase);
        var (endpoints, rules) = PolicyMapBuilder.Build(model, identities, proxyPorts);
        var (services, backends, revNat, frontends) = LbMapBuilder.Build(model, addresses, options.ServiceCidr, redirects, diagnostics);
        var ipcache = IpcacheMapBuilder.Build(identities);
        // The endpoints each Service selects, so a trace to a Service reaches its pods even without EndpointSlices.
        var serviceEndpoints = model.Services.ToDictionary(s => s.Key.QualifiedName, s => (IReadOnlyList<int>)[.. endpoints
            .Where(e => !s.Selector.IsEmpty && e.Workload.Meta.Namespace == s.Meta.Namespace &&
                        s.Selector.All(l => e.Workload.PodLabels.Contains(l)))
            .Select(e => e.Id)]);
        var maps = new BpfMaps(identities, endpoints, rules, proxyPorts, services, backends, revNat, ipcache, frontends, serviceEndpoints);
        CheckCapacity(maps, diagnostics);
        return maps;
    }

    /// <summary>Reports every map with more entries than its default capacity holds.</summary>
    public static void CheckCapacity(BpfMaps maps, DiagnosticBag diagnostics)
    {
        var (endpoints, services, backends, revNat, ipcache) = (maps.Endpoints, maps.Services, maps.Backends, maps.RevNat, maps.Ipcache);
        foreach (var endpoint in endpoints.Where(e => e.Map.Entries.Count > e.Map.MaxEntries))
            diagnostics.ReportBpfPolicyMapFull(endpoint.Workload.Meta.Origin, $"{endpoint.Id} ({endpoint.Workload.Key.QualifiedName})", endpoint.Map.Entries.Count, endpoint.Map.MaxEntries);
        foreach (var map in new[] { services, backends, revNat }.Where(m => m.Entries.Count > m.MaxEntries))
            diagnostics.ReportBpfLbMapFull(Text.SourceLocation.None, map.Name, map.Entries.Count, map.MaxEntries);
        if (ipcache.Entries.Count > ipcache.MaxEntries)
            diagnostics.ReportBpfIpcacheFull(Text.SourceLocation.None, ipcache.Entries.Count, ipcache.MaxEntries);
    }

    public static void Write(BpfMaps maps, BundleBuilder bundle)
    {
        foreach (var endpoint in maps.Endpoints)
            Add(bundle, endpoint.Map, $"# endpoint {endpoint.Id}: {endpoint.Workload.Key.QualifiedName}, identity {endpoint.Identity}\n{PolicyMapBuilder.DumpHeading}");
        Add(bundle, maps.Services, "# FRONTEND  SLOT  SERVICE / BACKEND");
        Add(bundle, maps.Backends, "# ID  ADDRESS  STATE");
        Add(bundle, maps.RevNat, "# INDEX  FRONTEND");
        Add(bundle, maps.Ipcache, "# PREFIX  IDENTITY  LABELS");
        bundle.AddText("bpf/identities.txt", IdentitiesText(maps));
        bundle.AddText("bpf/policy.json", PolicyJson.Write(maps));
    }

    private static void Add(BundleBuilder bundle, BpfMap map, string heading)
    {
        bundle.Add(new BundleFile($"bpf/{map.Name}.bin", BpfMapFile.Write(map)));
        bundle.AddText($"bpf/{map.Name}.txt", BpfMapFile.Dump(map, heading));
    }

    private static string IdentitiesText(BpfMaps maps)
    {
        var text = new System.Text.StringBuilder("# ID  LABELS\n");
        foreach (var identity in maps.Identities.Identities) text.Append(identity.Id).Append("  ").Append(identity.Display).Append('\n');
        text.Append("# ENDPOINT  WORKLOAD  IDENTITY\n");
        foreach (var endpoint in maps.Endpoints) text.Append(endpoint.Id).Append("  ").Append(endpoint.Workload.Key.QualifiedName).Append("  ").Append(endpoint.Identity).Append('\n');
        text.Append("# COOKIE  RULE\n");
        foreach (var rule in maps.Rules) text.Append(rule.Cookie).Append("  ").Append(rule.Display).Append("  ").Append(rule.Origin).Append('\n');
        text.Append($"# L7 HTTP proxy ports: ingress {maps.ProxyPorts.Ingress}, egress {maps.ProxyPorts.Egress}\n");
        return text.ToString();
    }

    /// <summary>Two ports for the HTTP policy listeners: the first free ones from the proxy port base, after every xDS listener's.</summary>
    private static PolicyProxyPorts AllocateProxyPorts(IReadOnlyList<int> taken, int portBase)
    {
        var used = taken.ToHashSet();
        var next = Math.Max(portBase, 1);
        int Take()
        {
            while (used.Contains(next)) next++;
            used.Add(next);
            return next;
        }
        return new PolicyProxyPorts(Take(), Take());
    }
}

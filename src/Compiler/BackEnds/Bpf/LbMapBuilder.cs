using Meshc.Compiler.BackEnds.Bpf.Layouts;
using Meshc.Compiler.BackEnds.Xds.Agent;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// Builds <c>cilium_lb4_services_v2</c>, <c>cilium_lb4_backends_v3</c> and <c>cilium_lb4_reverse_nat</c>: for every
/// Service port with an IPv4 frontend, a master entry (slot 0) and one slot per ready endpoint of its
/// EndpointSlices. A Service port a CiliumEnvoyConfig or Gateway claims (<c>xds/redirects.json</c>) gets the L7
/// load-balancer flag and the listener's proxy port in its master entry; a claimed Service the input does not
/// declare (a Gateway's <c>cilium-gateway-&lt;name&gt;</c>) gets a frontend on the claimed ports. Backend ids and
/// reverse-NAT indexes run from 1 in address order.
/// </summary>
internal static class LbMapBuilder
{
    public const int DefaultMaxEntries = 65536;

    /// <summary>A frontend as the trace command shows it; <c>TargetPort</c> is the backend port after service translation.</summary>
    public sealed record Frontend(string Service, uint Address, ushort Port, ushort TargetPort, byte Protocol, ushort RevNat, int L7ProxyPort, IReadOnlyList<(uint Address, ushort Port)> Backends);

    public static (BpfMap Services, BpfMap Backends, BpfMap RevNat, IReadOnlyList<Frontend> Frontends) Build(
        MeshModel model, AddressTable addresses, string serviceRange, IReadOnlyList<ProxyRedirect> redirects, DiagnosticBag diagnostics)
    {
        var declared = model.Services.Select(s => (Key: s.Key.QualifiedName, Ports: s.Ports.Select(p => (p.Port, p.Protocol, Target: (Service: s, Port: p))).ToList()));
        var claimedOnly = redirects.Where(r => model.Services.All(s => s.Key.QualifiedName != $"{r.Namespace}/{r.Service}"))
            .GroupBy(r => $"{r.Namespace}/{r.Service}")
            .Select(g => (Key: g.Key, Ports: g.SelectMany(r => r.Ports).Distinct().Order().Select(p => (Port: p, Protocol: "TCP", Target: ((Service, ServicePort)?)null)).ToList()));
        var all = declared.Select(d => (d.Key, Ports: d.Ports.Select(p => (p.Port, p.Protocol, Target: ((Service, ServicePort)?)p.Target)).ToList()))
            .Concat(claimedOnly).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

        var frontends = new List<(string Service, uint Address, ushort Port, ushort TargetPort, byte Protocol, int ProxyPort, List<(uint, ushort)> Backends)>();
        foreach (var service in all)
        {
            foreach (var address in ClusterIps.Of(service.Key, addresses, serviceRange, diagnostics))
            foreach (var (port, protocol, target) in service.Ports)
            {
                var redirect = redirects.FirstOrDefault(r => $"{r.Namespace}/{r.Service}" == service.Key && (r.Ports.IsEmpty || r.Ports.Contains(port)));
                var backends = target is { } t ? Backends(model, t.Item1, t.Item2) : [];
                // A claimed Service the input does not declare (a Gateway's) has no translation: the proxy is its backend.
                var targetPort = target is { } d ? BackendPorts.Of(model, d.Item1, d.Item2) : port;
                frontends.Add((service.Key, address, (ushort)port, (ushort)targetPort, PolicyPorts.Number(protocol), redirect?.ProxyPort ?? 0, backends));
            }
        }
        var revNat = frontends.Select(f => (f.Address, f.Port, f.Protocol)).Distinct().Order().Select((f, i) => (f, Index: (ushort)(i + 1)))
            .ToDictionary(x => x.f, x => x.Index);
        var backendIds = frontends.SelectMany(f => f.Backends.Select(b => (b.Item1, b.Item2, f.Protocol))).Distinct().Order()
            .Select((b, i) => (b, Id: (uint)(i + 1))).ToDictionary(x => x.b, x => x.Id);

        var serviceEntries = new List<BpfMapEntry>();
        var result = new List<Frontend>();
        foreach (var f in frontends)
        {
            var index = revNat[(f.Address, f.Port, f.Protocol)];
            var l7 = f.ProxyPort > 0;
            var master = new Lb4Service(0, (ushort)f.ProxyPort, (ushort)f.Backends.Count, index, 0, l7 ? Lb4Service.Flag2L7LoadBalancer : (byte)0, 0);
            var frontText = $"{ClusterIps.Format(f.Address)}:{f.Port}/{PolicyPorts.Name(f.Protocol)}";
            serviceEntries.Add(new BpfMapEntry(new Lb4Key(f.Address, f.Port, 0, f.Protocol, 0).ToBytes(), master.ToBytes(),
                $"{frontText}  slot 0 (master)  {f.Service}  backends={f.Backends.Count}  revnat={index}{(l7 ? $"  l7-load-balancer proxy-port={f.ProxyPort}" : "")}"));
            foreach (var (backend, slot) in f.Backends.Select((b, i) => (b, i + 1)))
            {
                var id = backendIds[(backend.Item1, backend.Item2, f.Protocol)];
                serviceEntries.Add(new BpfMapEntry(new Lb4Key(f.Address, f.Port, (ushort)slot, f.Protocol, 0).ToBytes(),
                    new Lb4Service(id, 0, 0, index, 0, 0, 0).ToBytes(),
                    $"{frontText}  slot {slot}  backend {id} ({ClusterIps.Format(backend.Item1)}:{backend.Item2})"));
            }
            result.Add(new Frontend(f.Service, f.Address, f.Port, f.TargetPort, f.Protocol, index, f.ProxyPort, f.Backends));
        }
        var backendEntries = backendIds.Select(b => new BpfMapEntry(new BackendIdKey(b.Value).ToBytes(),
            new Lb4Backend(b.Key.Item1, b.Key.Item2, b.Key.Protocol, Lb4Backend.StateActive, 0, 0).ToBytes(),
            $"{b.Value}  {ClusterIps.Format(b.Key.Item1)}:{b.Key.Item2}/{PolicyPorts.Name(b.Key.Protocol)}  active"));
        var revNatEntries = revNat.Select(r => new BpfMapEntry(new RevNatKey(r.Value).ToBytes(), new Lb4ReverseNat(r.Key.Address, r.Key.Port).ToBytes(),
            $"{r.Value}  {ClusterIps.Format(r.Key.Address)}:{r.Key.Port}"));
        return (
            BpfMap.Create("cilium_lb4_services_v2", Lb4Key.Size, Lb4Service.Size, DefaultMaxEntries, serviceEntries),
            BpfMap.Create("cilium_lb4_backends_v3", BackendIdKey.Size, Lb4Backend.Size, DefaultMaxEntries, backendEntries),
            BpfMap.Create("cilium_lb4_reverse_nat", RevNatKey.Size, Lb4ReverseNat.Size, DefaultMaxEntries, revNatEntries),
            result);
    }

    /// <summary>Ready IPv4 endpoints of the Service's slices on the port that serves <paramref name="port"/>.</summary>
    private static List<(uint, ushort)> Backends(MeshModel model, Service service, ServicePort port)
    {
        var backends = new SortedSet<(uint, ushort)>();
        foreach (var slice in BackendPorts.Slices(model, service))
        {
            var number = BackendPorts.InSlice(slice, port) ?? BackendPorts.Declared(port);
            foreach (var endpoint in slice.Endpoints.Where(e => e.Ready))
                foreach (var address in endpoint.Addresses.Select(ClusterIps.Parse).OfType<uint>())
                    backends.Add((address, (ushort)number));
        }
        return [.. backends];
    }
}

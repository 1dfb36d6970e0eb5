using Meshc.Compiler.BackEnds.Xds.Agent;
using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// Where a listener is reached, for the runtime (<c>bindings</c> in <c>xds/redirects.json</c>): a Gateway at its
/// LoadBalancer address on its listener ports, or a Service a CiliumEnvoyConfig claims at its clusterIP on the claimed
/// ports. <see cref="Kind"/> is <c>gateway</c> or <c>service</c>.
/// </summary>
internal sealed record AddressBinding(string Kind, string Namespace, string Name, string Address, IReadOnlyList<int> Ports, string Listener);

/// <summary>Builds the address bindings from the address table and the redirects, sorted by address then port.</summary>
internal static class AddressBindings
{
    public static IReadOnlyList<AddressBinding> Build(BoundMesh mesh, IReadOnlyList<ProxyRedirect> redirects)
    {
        var bindings = new List<AddressBinding>();
        var gatewayServices = new HashSet<(string, string)>();
        foreach (var gateway in mesh.Gateways)
        {
            var (ns, service) = (gateway.Gateway.Meta.Namespace, CecNaming.CecName(gateway.Gateway.Meta.Name));
            gatewayServices.Add((ns, service));
            var address = mesh.Addresses.FindGateway(gateway.Gateway.Key)?.Address;
            var redirect = redirects.FirstOrDefault(r => r.Namespace == ns && r.Service == service);
            if (address is null || redirect is null) continue;
            var ports = gateway.Listeners.Where(l => l.Valid).Select(l => l.Listener.Port).Distinct().Order().ToList();
            bindings.Add(new AddressBinding("gateway", ns, gateway.Gateway.Meta.Name, address, ports, redirect.Listener));
        }
        foreach (var redirect in redirects.Where(r => !gatewayServices.Contains((r.Namespace, r.Service))))
        {
            if (mesh.Addresses.FindService(redirect.Namespace, redirect.Service) is not { } service) continue;
            var declared = mesh.Model.Services.First(s => s.Meta.Namespace == redirect.Namespace && s.Meta.Name == redirect.Service);
            // An empty port list claims every port of the Service (the CRD's rule); only TCP ports carry HTTP.
            var ports = (redirect.Ports.IsEmpty ? declared.Ports.Where(p => p.Protocol == "TCP").Select(p => p.Port) : redirect.Ports)
                .Distinct().Order().ToList();
            bindings.Add(new AddressBinding("service", redirect.Namespace, redirect.Service, service.ClusterIp, ports, redirect.Listener));
        }
        // One socket per address and port: when two claims share one, the first in Service order keeps it.
        var seen = new HashSet<(string, int)>();
        return [.. bindings
            .Select(b => b with { Ports = [.. b.Ports.Where(p => seen.Add((b.Address, p)))] })
            .Where(b => b.Ports.Count > 0)
            .OrderBy(b => Text.Ipv4.Parse(b.Address)).ThenBy(b => b.Ports[0])];
    }
}

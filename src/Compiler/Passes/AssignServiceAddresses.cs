using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Gives every Service an IPv4 clusterIP and writes the address table with the Gateways' addresses. A Service keeps
/// the clusterIP its input gives; one without gets the next free address of the service range
/// (<see cref="CompilationOptions.ServiceCidr"/>, network and broadcast left out) in namespace/name order, as do the
/// <c>cilium-gateway-&lt;name&gt;</c> Services of bound Gateways the input does not declare. Headless Services
/// (<c>clusterIP: None</c>) and IPv6-only ones get none. A full range: MC0461.
/// </summary>
internal sealed class AssignServiceAddresses : IPass
{
    public void Run(PassContext context)
    {
        var declared = context.Model.Services.Select(s => (s.Meta.Namespace, s.Meta.Name, Given: (IReadOnlyList<string>)s.ClusterIPs.Items, s.Meta.Origin, Gateway: (ObjectKey?)null));
        var bound = context.Gateways.All.Where(g => g.OwnListeners.Any(l => l.Valid)).ToList();
        var generated = bound
            .Select(g => (g.Gateway.Meta.Namespace, Name: AssignGatewayAddresses.GatewayServiceName(g.Gateway), Given: (IReadOnlyList<string>)[], Origin: SourceLocation.None, Gateway: (ObjectKey?)g.Gateway.Key))
            .Where(g => context.Index.FindService(g.Namespace, g.Name) is null);
        var all = declared.Concat(generated).OrderBy(s => $"{s.Namespace}/{s.Name}", StringComparer.Ordinal).ToList();

        var (first, last) = Range(context.Options.ServiceCidr);
        var result = new Dictionary<(string, string), (uint Address, bool Assigned, SourceLocation Origin)>();
        var taken = new HashSet<uint>();
        foreach (var s in all)
            if (!s.Given.Any(g => g.Equals("None", StringComparison.OrdinalIgnoreCase)) && s.Given.Select(Ipv4.Parse).FirstOrDefault(a => a is not null) is { } given)
            {
                result[(s.Namespace, s.Name)] = (given, false, s.Origin);
                taken.Add(given);
            }
        var next = first;
        foreach (var s in all.Where(s => s.Given.Count == 0))
        {
            while (next <= last && taken.Contains(next)) next++;
            if (next > last)
            {
                context.Diagnostics.ReportServiceRangeExhausted(s.Origin, $"{s.Namespace}/{s.Name}", context.Options.ServiceCidr);
                continue;
            }
            result[(s.Namespace, s.Name)] = (next, true, s.Origin);
            taken.Add(next);
        }

        var services = context.Model.Services.Where(s => result.ContainsKey((s.Meta.Namespace, s.Meta.Name)))
            .Select(s => (s, e: result[(s.Meta.Namespace, s.Meta.Name)]))
            .Select(x => new ServiceAddressBinding(x.s.Meta.Namespace, x.s.Meta.Name, Ipv4.Format(x.e.Address), x.e.Assigned, x.e.Origin))
            .ToValueList();
        var gateways = bound.Select(g =>
        {
            var service = result.TryGetValue((g.Gateway.Meta.Namespace, AssignGatewayAddresses.GatewayServiceName(g.Gateway)), out var e) ? Ipv4.Format(e.Address) : null;
            return new GatewayAddressBinding(g.Gateway.Key, g.AssignedAddress?.Address, g.AssignedAddress?.Pool, service);
        }).ToValueList();
        context.Addresses = new AddressTable(gateways, services);
    }

    /// <summary>The assignable addresses of an IPv4 CIDR: all but the network and broadcast address when there are more than two.</summary>
    private static (uint First, uint Last) Range(string cidr)
    {
        var (first, last) = Ipv4.Range(cidr) ?? throw new ArgumentException($"service range '{cidr}' is not an IPv4 CIDR", nameof(cidr));
        return last - first >= 2 ? (first + 1, last - 1) : (first, last);
    }
}

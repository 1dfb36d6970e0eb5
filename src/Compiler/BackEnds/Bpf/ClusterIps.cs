using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// The IPv4 frontend addresses of each Service, read from the compilation's <see cref="AddressTable"/> so the maps
/// and the runtime agree: a declared Service's clusterIP (an info says when meshc assigned it from the service
/// range); for a Gateway's generated <c>cilium-gateway-&lt;name&gt;</c> Service its clusterIP and its LoadBalancer
/// address, as Cilium installs a frontend for each. Headless and IPv6-only Services have none.
/// </summary>
internal static class ClusterIps
{
    /// <summary>The frontend addresses of <paramref name="serviceKey"/> (<c>ns/name</c>), clusterIP first.</summary>
    public static IReadOnlyList<uint> Of(string serviceKey, AddressTable table, string serviceRange, DiagnosticBag diagnostics)
    {
        var slash = serviceKey.IndexOf('/');
        var (ns, name) = (serviceKey[..slash], serviceKey[(slash + 1)..]);
        if (table.FindService(ns, name) is { } service)
        {
            if (service.Assigned) diagnostics.ReportBpfClusterIpAssigned(service.Origin, serviceKey, service.ClusterIp, serviceRange);
            return [Ipv4.Parse(service.ClusterIp)!.Value];
        }
        var gateway = table.Gateways.FirstOrDefault(g => g.Gateway.Namespace == ns && CecNaming.CecName(g.Gateway.Name) == name);
        if (gateway is null) return [];
        if (gateway.ServiceClusterIp is { } ip) diagnostics.ReportBpfClusterIpAssigned(SourceLocation.None, serviceKey, ip, serviceRange);
        return [.. new[] { gateway.ServiceClusterIp, gateway.Address }.OfType<string>().Select(a => Ipv4.Parse(a)!.Value)];
    }

    public static string Format(uint address) => Ipv4.Format(address);

    public static uint? Parse(string text) => Ipv4.Parse(text);
}

using System.Globalization;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.BackEnds.Xds.Gateway;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>
/// The Service Cilium's operator creates beside a Gateway's CEC (same name): type LoadBalancer, no selector (the
/// agent redirects its traffic to Envoy), one TCP port per distinct listener port, the Gateway's infrastructure
/// labels and annotations plus the owning-gateway labels and, when the Gateway asks for IP addresses, LB-IPAM's
/// <c>io.cilium/lb-ipam-ips</c>.
/// </summary>
internal static class ServiceViewBuilder
{
    public const string OwningGatewayLabel = "io.cilium.gateway/owning-gateway";

    public static ServiceView Build(Ir.Gateway gateway, CecModel cec)
    {
        var gatewayName = CecNaming.Shorten(gateway.Meta.Name);
        var labels = Map(gateway.InfrastructureLabels);
        labels[OwningGatewayLabel] = gatewayName;
        labels[CecNaming.GatewayNameLabel] = gatewayName;

        var annotations = Map(gateway.InfrastructureAnnotations);
        // The CEC carries the same LB-IPAM value (CecSpecBuilder), so both objects agree on the addresses.
        if (cec.Annotations.FirstOrDefault(a => a.Key == CecNaming.LbIpamIpsAnnotation) is { } ips)
            annotations[CecNaming.LbIpamIpsAnnotation] = ips.Value;

        var ports = cec.Services.SelectMany(s => s.Ports).Distinct().Order()
            .Select(p => new ServicePortView("port-" + p.ToString(CultureInfo.InvariantCulture), p))
            .ToList();
        return new ServiceView(
            new ObjectMetaView(cec.Name, cec.Namespace, Sorted(labels), Sorted(annotations),
                new OwnerView("gateway.networking.k8s.io/v1", "Gateway", gateway.Meta.Name)),
            ports);
    }

    private static Dictionary<string, string> Map(IEnumerable<Ir.Label> labels)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labels) map[label.Key] = label.Value;
        return map;
    }

    private static List<KeyValueView> Sorted(Dictionary<string, string> map) =>
        map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new KeyValueView(e.Key, e.Value)).ToList();
}

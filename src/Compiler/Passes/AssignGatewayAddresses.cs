using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Gives each accepted Gateway one IPv4 LoadBalancer address from the pools, as Cilium's LB IPAM gives its
/// <c>cilium-gateway-&lt;name&gt;</c> Service one. Gateways are served one by one in namespace/name order, so the
/// result depends only on the input, and a Gateway added later in that order never moves an earlier one:
/// <list type="bullet">
/// <item>A Gateway that asks for addresses (the <c>io.cilium/lb-ipam-ips</c> infrastructure annotation, else
/// <c>spec.addresses</c> of type IPAddress) gets the first one that lies in a pool selecting it and is still free.
/// Each one it cannot get is reported (MC0362 outside the pools, MC0361 taken) and makes it Programmed=False
/// AddressNotUsable.</item>
/// <item>A Gateway whose <c>cilium-gateway-&lt;name&gt;</c> Service the input declares with
/// <c>status.loadBalancer.ingress</c> (manifests exported from a cluster) keeps that address, as LB IPAM keeps an
/// assigned one.</item>
/// <item>Any other Gateway gets the lowest free address of the first pool (in <see cref="AddressPools"/> order)
/// that selects it; none left, or no pool selects it: MC0460 and Programmed=False AddressNotAssigned.</item>
/// </list>
/// Without LB IPAM (<c>--lb-pool none</c>) only the second case gives an address; every other Gateway is left waiting for
/// one (MC0460, Programmed=False AddressNotAssigned), requested addresses included, as Cilium reports a Gateway whose
/// LoadBalancer Service has no ingress yet.
/// Pools select by the generated Service's labels: <c>io.cilium.gateway/owning-gateway</c>,
/// <c>gateway.networking.k8s.io/gateway-name</c>, the infrastructure labels, and Cilium's
/// <c>io.kubernetes.service.namespace</c> / <c>io.kubernetes.service.name</c>.
/// </summary>
internal sealed class AssignGatewayAddresses : IPass
{
    public const string LbIpamIpsAnnotation = "io.cilium/lb-ipam-ips";

    public void Run(PassContext context)
    {
        var pools = AddressPools.Build(context);
        var taken = new Dictionary<uint, ObjectKey>();
        foreach (var facts in context.Gateways.All)
        {
            // An unsupported address refuses the Gateway and a Gateway without a valid listener is not accepted: no address.
            if (facts.Refusal is not null || !facts.OwnListeners.Any(l => l.Valid)) continue;
            var gateway = facts.Gateway;
            var selecting = pools.Where(p => p.Selects(ServiceLabels(gateway))).ToList();
            var requested = Requested(gateway);
            if (requested.Count > 0 && context.Options.LoadBalancerIpam) Honour(context, facts, requested, selecting, taken);
            else if (Assigned(context, gateway) is { } kept && !taken.ContainsKey(kept))
            {
                taken[kept] = gateway.Key;
                facts.AssignedAddress = (Ipv4.Format(kept), "status.loadBalancer");
            }
            else Pick(context, facts, selecting, taken);
        }
    }

    private static void Honour(PassContext context, GatewayFacts facts, IReadOnlyList<(string Text, SourceLocation At)> requested,
        IReadOnlyList<AddressPool> selecting, Dictionary<uint, ObjectKey> taken)
    {
        var name = facts.Gateway.Key.QualifiedName;
        foreach (var (text, at) in requested)
        {
            var address = Ipv4.Parse(text);
            var pool = address is { } a ? selecting.FirstOrDefault(p => p.Contains(a)) : null;
            if (pool is null)
            {
                context.Diagnostics.ReportGatewayAddressOutsidePools(at, name, text);
                facts.AssignmentProblem ??= new Problem(ConditionReason.AddressNotUsable, $"address {text} is in no pool that selects this Gateway");
            }
            else if (taken.TryGetValue(address!.Value, out var owner) && owner != facts.Gateway.Key)
            {
                context.Diagnostics.ReportGatewayAddressInUse(at, name, text, owner.QualifiedName);
                facts.AssignmentProblem ??= new Problem(ConditionReason.AddressNotUsable, $"address {text} is already assigned to Gateway {owner.QualifiedName}");
            }
            else if (facts.AssignedAddress is null)
            {
                taken[address.Value] = facts.Gateway.Key;
                facts.AssignedAddress = (Ipv4.Format(address.Value), pool.Name);
            }
        }
    }

    private static void Pick(PassContext context, GatewayFacts facts, IReadOnlyList<AddressPool> selecting, Dictionary<uint, ObjectKey> taken)
    {
        foreach (var pool in selecting)
        {
            if (pool.FirstFree(taken) is not { } free) continue;
            taken[free] = facts.Gateway.Key;
            facts.AssignedAddress = (Ipv4.Format(free), pool.Name);
            return;
        }
        var reason = !context.Options.LoadBalancerIpam ? "the cluster has no LB IPAM (--lb-pool none)"
            : selecting.Count == 0 ? "no enabled, non-conflicting pool selects it"
            : $"every pool that selects it is exhausted ({string.Join(", ", selecting.Select(p => p.Name))})";
        context.Diagnostics.ReportGatewayAddressNotAssigned(facts.Gateway.Meta.Origin, facts.Gateway.Key.QualifiedName, reason);
        facts.AssignmentProblem = new Problem(ConditionReason.AddressNotAssigned, $"no address assigned: {reason}");
    }

    /// <summary>The IPv4 address the input shows on the Gateway's generated Service, if it declares that Service.</summary>
    private static uint? Assigned(PassContext context, Gateway gateway) =>
        context.Index.FindService(gateway.Meta.Namespace, GatewayServiceName(gateway))?.LoadBalancerIngress
            .Select(Ipv4.Parse).FirstOrDefault(a => a is not null);

    /// <summary>The addresses a Gateway asks for: the LB-IPAM annotation wins over <c>spec.addresses</c>, as in Cilium.</summary>
    private static List<(string Text, SourceLocation At)> Requested(Gateway gateway)
    {
        if (gateway.InfrastructureAnnotations.FirstOrDefault(a => a.Key == LbIpamIpsAnnotation) is { } annotation)
            return [.. annotation.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(v => (v, gateway.Meta.Origin))];
        return [.. gateway.Addresses.Where(a => a.Type == "IPAddress" && !string.IsNullOrEmpty(a.Value)).Select(a => (a.Value!, a.Origin))];
    }

    /// <summary>The labels of the Service Cilium generates for the Gateway, which pool selectors see.</summary>
    private static List<Label> ServiceLabels(Gateway gateway) =>
    [
        .. gateway.InfrastructureLabels,
        new Label("io.cilium.gateway/owning-gateway", gateway.Meta.Name),
        new Label("gateway.networking.k8s.io/gateway-name", gateway.Meta.Name),
        new Label("io.kubernetes.service.namespace", gateway.Meta.Namespace),
        new Label("io.kubernetes.service.name", GatewayServiceName(gateway)),
    ];

    /// <summary>
    /// The generated Service's name before Cilium shortens names over 63 characters (the back ends own the shortening;
    /// a pool selecting on io.kubernetes.service.name sees the short name in a cluster).
    /// </summary>
    public static string GatewayServiceName(Gateway gateway) => "cilium-gateway-" + gateway.Meta.Name;
}

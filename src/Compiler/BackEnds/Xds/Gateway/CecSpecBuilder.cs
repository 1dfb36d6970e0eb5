using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>The non-Envoy parts of a Gateway's CiliumEnvoyConfig: services, backendServices, labels and annotations.</summary>
internal static class CecSpecBuilder
{
    /// <summary>
    /// The Service whose traffic the listener takes — the Gateway's own (named like its CEC) or the parent Service of
    /// GAMMA routes — redirected to the first listener in resources (<c>listener: ""</c>) on every listener port.
    /// </summary>
    public static IReadOnlyList<EnvoyServiceRef> Services(ProxyPlan plan, string serviceName) =>
    [
        new EnvoyServiceRef(serviceName, plan.Namespace, plan.Ports().ToValueList(), string.Empty, plan.Origin),
    ];

    /// <summary>
    /// Every Service whose endpoints the routes need (backends and mirrors), sorted by namespace and name, with its
    /// ports as strings, sorted as strings and unique, as Cilium writes them.
    /// </summary>
    public static IReadOnlyList<EnvoyBackendServiceRef> BackendServices(ProxyPlan plan)
    {
        var services = new Dictionary<(string Namespace, string Name), (SortedSet<string> Ports, SourceLocation Origin)>();
        void Add(Semantics.ServiceTarget target, SourceLocation origin)
        {
            var key = (target.Namespace, target.Name);
            if (!services.TryGetValue(key, out var entry)) services[key] = entry = (new SortedSet<string>(StringComparer.Ordinal), origin);
            entry.Ports.Add(target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var source in plan.Sources)
        {
            foreach (var backend in source.Rule.Backends) Add(backend.Target, backend.Ref.Origin);
            foreach (var mirror in source.Rule.Mirrors) Add(mirror.Target, mirror.Filter.Backend.Origin);
        }
        foreach (var chain in plan.Passthrough)
            foreach (var backend in chain.Backends) Add(backend.Target, backend.Ref.Origin);
        return services
            .OrderBy(e => e.Key.Namespace, StringComparer.Ordinal)
            .ThenBy(e => e.Key.Name, StringComparer.Ordinal)
            .Select(e => new EnvoyBackendServiceRef(e.Key.Name, e.Key.Namespace, e.Value.Ports.ToValueList(), e.Value.Origin))
            .ToList();
    }

    /// <summary>The Gateway's infrastructure labels plus <c>gateway.networking.k8s.io/gateway-name</c>, sorted by key.</summary>
    public static IReadOnlyList<Label> Labels(Ir.Gateway gateway)
    {
        var labels = ToDictionary(gateway.InfrastructureLabels);
        labels[CecNaming.GatewayNameLabel] = CecNaming.Shorten(gateway.Meta.Name);
        return Sorted(labels);
    }

    /// <summary>
    /// A GAMMA CEC's labels: <c>gateway.networking.k8s.io/gateway-name</c> names the route that owns it, as Cilium
    /// writes it (the owner of the last listener it builds).
    /// </summary>
    public static IReadOnlyList<Label> Labels(Route owner) => [new Label(CecNaming.GatewayNameLabel, CecNaming.Shorten(owner.Meta.Name))];

    /// <summary>
    /// A GAMMA CEC's one annotation: <c>cec.cilium.io/use-original-source-address: "true"</c>, so the backends see the
    /// client's address, as they would without the proxy in between.
    /// </summary>
    public static IReadOnlyList<Label> ServiceParentAnnotations() => [new Label(CecNaming.UseOriginalSourceAddressAnnotation, "true")];

    /// <summary>
    /// The infrastructure annotations (with <c>io.cilium/lb-ipam-ips</c> from the IP addresses the Gateway asks for,
    /// unless already set) plus <c>cec.cilium.io/use-original-source-address: "false"</c>, sorted by key. As in newer
    /// Cilium, user annotations under <c>cec.cilium.io/</c> are dropped: they would change how the agent runs the proxy.
    /// </summary>
    public static IReadOnlyList<Label> Annotations(Ir.Gateway gateway)
    {
        var annotations = ToDictionary(gateway.InfrastructureAnnotations);
        var ips = gateway.Addresses
            .Where(a => a.Value is not null && (a.Type.Length == 0 || a.Type == "IPAddress"))
            .Select(a => a.Value!)
            .ToList();
        if (ips.Count > 0 && string.IsNullOrEmpty(annotations.GetValueOrDefault(CecNaming.LbIpamIpsAnnotation)))
        {
            annotations[CecNaming.LbIpamIpsAnnotation] = string.Join(",", ips);
        }
        foreach (var key in annotations.Keys.Where(k => k.StartsWith(CecNaming.CecAnnotationPrefix, StringComparison.Ordinal)).ToList())
        {
            annotations.Remove(key);
        }
        annotations[CecNaming.UseOriginalSourceAddressAnnotation] = "false";
        return Sorted(annotations);
    }

    private static Dictionary<string, string> ToDictionary(IEnumerable<Label> labels)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in labels) map[label.Key] = label.Value;
        return map;
    }

    private static List<Label> Sorted(Dictionary<string, string> map) =>
        map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new Label(e.Key, e.Value)).ToList();
}

using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.Bpf;

/// <summary>
/// The backend (target) port a Service port translates to: the one source of truth for the load-balancer backends
/// and the <c>targetPort</c> of <c>policy.json</c>'s frontends, so the policy checks the port the packets carry.
/// An EndpointSlice port of the same name (or a slice's only port) wins, since Kubernetes resolved a named
/// targetPort there from the pods' containerPorts; otherwise a numeric targetPort; otherwise the Service port.
/// </summary>
internal static class BackendPorts
{
    /// <summary>The Service's EndpointSlices, in model order.</summary>
    public static IEnumerable<EndpointSet> Slices(MeshModel model, Service service) =>
        model.EndpointSlices.Where(s => s.Meta.Namespace == service.Meta.Namespace && s.ServiceName == service.Meta.Name);

    /// <summary>The port <paramref name="slice"/>'s endpoints serve <paramref name="port"/> on, when the slice says.</summary>
    public static int? InSlice(EndpointSet slice, ServicePort port) =>
        (slice.Ports.FirstOrDefault(p => p.Name == port.Name) ?? (slice.Ports.Count == 1 ? slice.Ports[0] : null))?.Port;

    /// <summary>The port the Service itself declares: a numeric targetPort, else the port (a named one needs the slices).</summary>
    public static int Declared(ServicePort port) => int.TryParse(port.TargetPort, out var target) ? target : port.Port;

    /// <summary>The backend port of <paramref name="port"/>: the first slice that resolves it, else what the Service declares.</summary>
    public static int Of(MeshModel model, Service service, ServicePort port) =>
        Slices(model, service).Select(s => InSlice(s, port)).FirstOrDefault(p => p is not null) ?? Declared(port);
}

using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>Turns the passes' working state into the immutable <see cref="Analysis"/>: the bound mesh and the status.</summary>
internal static class AnalysisBuilder
{
    public static Analysis Build(PassContext context)
    {
        // Only Gateways that get configuration are bound: one without a valid listener, or with an address it cannot ask
        // for, gets no CiliumEnvoyConfig and no Service, as Cilium's operator stops before creating them.
        var gateways = context.Gateways.All
            .Where(WriteGatewayStatus.Programs)
            .Select(g => new GatewayBinding(g.Gateway, g.Listeners.Select(l => Bind(context, g, l)).ToValueList()))
            .ToValueList();
        var bound = new BoundMesh(context.Model, gateways, context.EnvoyConfigs.ToValueList())
        {
            Addresses = context.Addresses,
            ServiceParents = ServiceParents(context),
        };
        return new Analysis(bound, context.Status.ToReport());
    }

    /// <summary>Service parents and their ports in order, from the bindings whose parent is a Service.</summary>
    private static ValueList<ServiceBinding> ServiceParents(PassContext context) =>
        context.Attachments.AllBound()
            .Where(b => b.Gateway.Kind == ObjectKind.Service)
            .GroupBy(b => b.Gateway)
            .Select(service => new ServiceBinding(
                context.Index.FindService(service.Key.Namespace, service.Key.Name)!,
                service.GroupBy(b => b.Listener)
                    .Select(port => new ServicePortBinding(int.Parse(port.Key, System.Globalization.CultureInfo.InvariantCulture),
                        port.Select(b => b.Attachment).ToValueList()))
                    .OrderBy(p => p.Port)
                    .ToValueList()))
            .ToValueList();

    private static ListenerBinding Bind(PassContext context, GatewayFacts gateway, ListenerFacts listener)
    {
        var routes = listener.Valid
            ? context.Attachments.Bound(gateway.Gateway.Key, listener.Id)
            : ValueList<RouteAttachment>.Empty;
        return new ListenerBinding(listener.Listener, listener.Valid, routes) { Certificates = listener.Certificates.ToValueList(), ClientValidation = listener.ClientValidation };
    }
}

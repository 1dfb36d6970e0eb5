using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>Turns the passes' working state into the immutable <see cref="Analysis"/>: the bound mesh and the status.</summary>
internal static class AnalysisBuilder
{
    public static Analysis Build(PassContext context)
    {
        var gateways = context.Gateways.All
            .Where(g => g.Listeners.Any(l => l.Valid))
            .Select(g => new GatewayBinding(g.Gateway, g.Listeners.Select(l => Bind(context, g, l)).ToValueList()))
            .ToValueList();
        var bound = new BoundMesh(context.Model, gateways, context.EnvoyConfigs.ToValueList()) { Addresses = context.Addresses };
        return new Analysis(bound, context.Status.ToReport());
    }

    private static ListenerBinding Bind(PassContext context, GatewayFacts gateway, ListenerFacts listener)
    {
        var routes = listener.Valid
            ? context.Attachments.Bound(gateway.Gateway.Key, listener.Listener.Name)
            : ValueList<RouteAttachment>.Empty;
        return new ListenerBinding(listener.Listener, listener.Valid, routes) { Certificates = listener.Certificates.ToValueList(), ClientValidation = listener.ClientValidation };
    }
}

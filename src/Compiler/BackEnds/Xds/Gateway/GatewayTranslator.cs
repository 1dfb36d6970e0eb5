using Google.Protobuf;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// The Gateway API half of the xDS back end: turns each accepted Gateway, and each Service that routes attach to
/// (GAMMA), into the CiliumEnvoyConfig Cilium's operator would write for it (<c>operator/pkg/model/translation</c>),
/// before the agent-side completion. Both kinds of parent go through the same listener, route and cluster builders.
/// </summary>
internal static class GatewayTranslator
{
    /// <summary>
    /// One CEC per Gateway with at least one valid HTTP or HTTPS listener, ordered by namespace and name, then one per
    /// parent Service, likewise. Resources come in Cilium's order: the listener, the route configurations (insecure,
    /// then secure), the clusters by name.
    /// </summary>
    public static IReadOnlyList<CecModel> Translate(BoundMesh mesh, CompilationOptions options, DiagnosticBag diagnostics)
    {
        var result = new List<CecModel>();
        var gateways = mesh.Gateways
            .OrderBy(g => g.Gateway.Meta.Namespace, StringComparer.Ordinal)
            .ThenBy(g => g.Gateway.Meta.Name, StringComparer.Ordinal);
        foreach (var binding in gateways)
        {
            var plan = ProxyPlan.ForGateway(binding);
            if (!plan.IsEmpty) result.Add(Translate(plan, binding.Gateway, options, diagnostics));
        }
        foreach (var binding in mesh.ServiceParents)
        {
            var plan = ProxyPlan.ForService(binding);
            if (!plan.IsEmpty) result.Add(Translate(plan, binding.Service, options, diagnostics));
        }
        return result;
    }

    private static CecModel Translate(ProxyPlan plan, Ir.Gateway gateway, CompilationOptions options, DiagnosticBag diagnostics)
    {
        var name = CecNaming.CecName(gateway.Meta.Name);
        return new CecModel(
            gateway.Meta.Namespace,
            name,
            Clusterwide: false,
            CecSpecBuilder.Services(plan, name),
            CecSpecBuilder.BackendServices(plan),
            Resources(plan, name, options, diagnostics),
            CecSpecBuilder.Labels(gateway),
            CecSpecBuilder.Annotations(gateway),
            gateway.Meta.Origin,
            From: new TranslatedFrom(gateway.Key, "Gateway", gateway.Meta.Name, gateway.Meta.Uid));
    }

    /// <summary>
    /// GAMMA: the CEC is named after the Service (shortened past 63 characters, as Cilium does), redirects the Service
    /// itself, and is owned by a route — Cilium takes the route of the last listener it builds.
    /// </summary>
    private static CecModel Translate(ProxyPlan plan, Service service, CompilationOptions options, DiagnosticBag diagnostics)
    {
        var name = CecNaming.Shorten(service.Meta.Name);
        var owner = plan.Listeners[^1].Routes
            .OrderBy(a => a.Route.Kind)
            .ThenBy(a => a.Route.Meta.Namespace, StringComparer.Ordinal)
            .ThenBy(a => a.Route.Meta.Name, StringComparer.Ordinal)
            .Last().Route;
        return new CecModel(
            service.Meta.Namespace,
            name,
            Clusterwide: false,
            CecSpecBuilder.Services(plan, service.Meta.Name),
            CecSpecBuilder.BackendServices(plan),
            Resources(plan, name, options, diagnostics),
            CecSpecBuilder.Labels(owner),
            CecSpecBuilder.ServiceParentAnnotations(),
            service.Meta.Origin,
            From: new TranslatedFrom(service.Key, owner.KindName, owner.Meta.Name, owner.Meta.Uid));
    }

    private static List<IMessage> Resources(ProxyPlan plan, string cecName, CompilationOptions options, DiagnosticBag diagnostics)
    {
        var resources = new List<IMessage> { ListenerBuilder.Build(plan, options) };
        resources.AddRange(RouteConfigurationBuilder.Build(plan));
        resources.AddRange(ClusterBuilder.Build(plan, cecName, options, diagnostics));
        return resources;
    }
}

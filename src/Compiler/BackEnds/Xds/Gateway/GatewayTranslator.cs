using Google.Protobuf;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// The Gateway API half of the xDS back end: turns each accepted Gateway into the CiliumEnvoyConfig Cilium's operator
/// would write for it (<c>operator/pkg/model/translation</c>), before the agent-side completion.
/// </summary>
internal static class GatewayTranslator
{
    /// <summary>
    /// One CEC per Gateway with at least one valid HTTP or HTTPS listener, ordered by namespace and name. Resources come
    /// in Cilium's order: the listener, the route configurations (insecure, then secure), the clusters by name.
    /// </summary>
    public static IReadOnlyList<CecModel> Translate(BoundMesh mesh, CompilationOptions options)
    {
        var result = new List<CecModel>();
        var gateways = mesh.Gateways
            .OrderBy(g => g.Gateway.Meta.Namespace, StringComparer.Ordinal)
            .ThenBy(g => g.Gateway.Meta.Name, StringComparer.Ordinal);
        foreach (var binding in gateways)
        {
            var plan = GatewayPlan.Create(binding);
            if (!plan.IsEmpty) result.Add(Translate(plan, options));
        }
        return result;
    }

    private static CecModel Translate(GatewayPlan plan, CompilationOptions options)
    {
        var gateway = plan.Gateway;
        var name = CecNaming.CecName(gateway.Meta.Name);
        var resources = new List<IMessage> { ListenerBuilder.Build(plan, options) };
        resources.AddRange(RouteConfigurationBuilder.Build(plan));
        resources.AddRange(ClusterBuilder.Build(plan, options));
        return new CecModel(
            gateway.Meta.Namespace,
            name,
            Clusterwide: false,
            CecSpecBuilder.Services(plan, name),
            CecSpecBuilder.BackendServices(plan),
            resources,
            CecSpecBuilder.Labels(gateway),
            CecSpecBuilder.Annotations(gateway),
            gateway.Meta.Origin);
    }
}

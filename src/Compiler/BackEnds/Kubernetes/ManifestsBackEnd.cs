using System.Text;
using System.Text.Json.Nodes;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Output;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>
/// <c>--emit gateway-api</c>: writes the model as the plain Kubernetes objects it stands for, in one multi-document
/// <c>gateway-api/manifests.yaml</c> a user can apply: Namespaces, Services, EndpointSlices, Gateways, HTTPRoutes,
/// GRPCRoutes, ReferenceGrants and CiliumEnvoyConfigs (a DSL service route is one). Compiling that file gives the
/// same xDS as the input. Not written: the built-in GatewayClass, Secrets (the model holds no key material),
/// workloads (only their pod labels are known) and DSL policies (the BPF back end's).
/// </summary>
internal static class ManifestsBackEnd
{
    public const string Path = "gateway-api/manifests.yaml";

    public static void Build(MeshModel model, BundleBuilder bundle) => bundle.AddText(Path, Write(model));

    public static string Write(MeshModel model)
    {
        IEnumerable<JsonObject> documents =
        [
            .. model.Namespaces.Select(CoreManifests.Namespace),
            .. model.Services.Select(CoreManifests.Service),
            .. model.EndpointSlices.Select(CoreManifests.EndpointSlice),
            .. model.GatewayClasses.Where(c => !c.Meta.Origin.IsNone).Select(GatewayManifests.GatewayClass),
            .. model.Gateways.Select(GatewayManifests.Gateway),
            .. model.ListenerSets.Select(GatewayManifests.ListenerSet),
            .. model.Routes.Select(RouteManifests.Route),
            .. model.ReferenceGrants.Select(GatewayManifests.ReferenceGrant),
            .. model.EnvoyConfigs.Select(EnvoyConfigManifests.EnvoyConfig),
        ];
        var sb = new StringBuilder();
        foreach (var document in documents) sb.Append("---\n").Append(YamlText.Write(document));
        return sb.ToString();
    }
}

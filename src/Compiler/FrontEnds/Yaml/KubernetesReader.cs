using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// The YAML front end: reads every object of a file, checks it against its schema, and hands it to the reader of its
/// kind. Kinds meshc knows but does not compile are accepted with an info; unknown kinds get a warning.
/// </summary>
internal static class KubernetesReader
{
    /// <summary>Known kinds that carry nothing meshc compiles (yet); accepted so real manifests load unchanged.</summary>
    private static readonly HashSet<string> AcceptedKinds =
    [
        "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "Job", "CronJob",
        "Pod", "ReplicaSet", "Endpoints", "Ingress", "IngressClass", "NetworkPolicy", "HorizontalPodAutoscaler",
        "PodDisruptionBudget", "CustomResourceDefinition", "CiliumClusterwideNetworkPolicy",
        "CiliumLoadBalancerIPPool", "CiliumGatewayClassConfig", "ServiceImport", "XListenerSet",
        "BackendTrafficPolicy", "XBackendTrafficPolicy", "ValidatingAdmissionPolicy",
        "ValidatingAdmissionPolicyBinding", "LimitRange", "ResourceQuota", "PersistentVolumeClaim",
    ];

    /// <summary>Route kinds of the Gateway API that meshc does not translate.</summary>
    private static readonly HashSet<string> UnsupportedRouteKinds = ["TCPRoute", "UDPRoute"];

    public static void Read(SourceText source, MeshModelBuilder model, DiagnosticBag diagnostics) =>
        Parse(source).AddTo(model, diagnostics);

    /// <summary>
    /// Reads one file without touching the model: what it holds and what was wrong with it. Files are independent
    /// until their objects meet in the model, so they are read in parallel and added in input order.
    /// </summary>
    public static ParsedFile Parse(SourceText source)
    {
        var diagnostics = new DiagnosticBag();
        var items = new List<IMeshObject>();
        foreach (var obj in YamlSourceReader.Read(source, diagnostics))
        {
            if (ObjectReaders.For(obj.Kind) is { } reader)
            {
                if (!ApiVersions.IsSupported(obj.Kind, obj.ApiVersion))
                {
                    diagnostics.ReportUnsupportedApiVersion(obj.Location, obj.Kind, obj.ApiVersion);
                    continue;
                }
                SchemaCheck.Check(obj, diagnostics);
                if (reader(obj, diagnostics) is { } item) items.Add(item);
            }
            else if (UnsupportedRouteKinds.Contains(obj.Kind))
            {
                diagnostics.ReportUnsupportedRouteKind(obj.Location, obj.Kind, NameOf(obj));
            }
            else if (AcceptedKinds.Contains(obj.Kind))
            {
                diagnostics.ReportIgnoredKind(obj.Location, obj.Kind, NameOf(obj));
            }
            else
            {
                diagnostics.ReportUnknownKind(obj.Location, obj.Kind, obj.ApiVersion);
            }
        }
        return new ParsedFile(items, diagnostics);
    }

    private static string NameOf(YamlObject obj) => obj.Root.Map("metadata").Str("name") ?? "(unnamed)";
}

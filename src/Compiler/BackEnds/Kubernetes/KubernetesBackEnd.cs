using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>
/// Writes what a Cilium cluster would run, as Kubernetes manifests under <c>k8s/</c>: for each Gateway the
/// CiliumEnvoyConfig and LoadBalancer Service Cilium's operator creates, for each parent Service of GAMMA routes its
/// CiliumEnvoyConfig, each input CiliumEnvoyConfig (normalized),
/// and the Gateway API status as patches. Every manifest is checked against its schema; a violation is a meshc bug
/// (MC0440) and nothing is written.
/// </summary>
internal static class KubernetesBackEnd
{
    public const string Folder = "k8s/";

    /// <summary>Adds one file per manifest to <paramref name="bundle"/>, or nothing when a manifest breaks its schema.</summary>
    public static void Build(BoundMesh mesh, IReadOnlyList<CecModel> fromGateways, StatusReport status, DiagnosticBag diagnostics, BundleBuilder bundle)
    {
        var manifests = Render(mesh, fromGateways, status, diagnostics);
        var valid = true;
        foreach (var (manifest, origin) in manifests)
        {
            foreach (var problem in ManifestValidation.Check(manifest))
            {
                diagnostics.ReportManifestSchemaViolation(origin, manifest.Kind, manifest.Name, problem);
                valid = false;
            }
        }
        if (!valid) return;
        foreach (var (manifest, _) in manifests) bundle.AddText(manifest.Path, manifest.Text);
    }

    /// <summary>Every manifest with the position of the object it came from, in <see cref="Manifest.Order"/>.</summary>
    public static IReadOnlyList<(Manifest Manifest, SourceLocation Origin)> Render(BoundMesh mesh, IReadOnlyList<CecModel> fromGateways, StatusReport status,
        DiagnosticBag diagnostics)
    {
        var result = new List<(Manifest, SourceLocation)>();
        foreach (var cec in fromGateways)
        {
            result.Add((Cec(CecViewBuilder.FromTranslation(cec)), cec.Origin));
            // A Gateway also gets its LoadBalancer Service; a GAMMA CEC takes over a Service that exists already.
            if (cec.From?.Parent is not { Kind: Ir.ObjectKind.Gateway } parent) continue;
            var gateway = mesh.Gateways.Select(b => b.Gateway).First(g => g.Key == parent);
            var service = ServiceViewBuilder.Build(gateway, cec);
            result.Add((new Manifest("v1", "Service", cec.Namespace, cec.Name, ManifestTemplates.Render("service", service)), cec.Origin));
        }
        foreach (var config in mesh.EnvoyConfigs)
        {
            var manifest = Cec(CecViewBuilder.FromInput(config));
            // Two objects cannot share kind, namespace and name in a cluster; the operator's CEC is the one that stays.
            if (result.FirstOrDefault(r => r.Item1.Path == manifest.Path) is ({ } taken, _))
            {
                var owner = fromGateways.First(c => c.Namespace == taken.Namespace && c.Name == taken.Name).From!;
                diagnostics.ReportManifestNameTaken(config.Meta.Origin, manifest.Kind, config.Meta.Name, $"{owner.Parent.Kind} '{owner.Parent.Name}'");
                continue;
            }
            result.Add((manifest, config.Meta.Origin));
        }
        foreach (var view in StatusViewBuilder.Build(status))
            result.Add((new Manifest("gateway.networking.k8s.io/v1", view.Kind, view.Namespace, view.Name, ManifestTemplates.Render("status", view))
            {
                IsStatusPatch = true,
            }, SourceLocation.None));
        return result.OrderBy(r => r.Item1, Manifest.Order).ToList();
    }

    /// <summary>The manifests of a bundle as one multi-document YAML stream (what <c>-o -</c> prints).</summary>
    public static string Stream(CompiledBundle bundle)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in bundle.Files.Where(f => f.Path.StartsWith(Folder, StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
            text.Append("---\n").Append(System.Text.Encoding.UTF8.GetString(file.Content));
        return text.ToString();
    }

    private static Manifest Cec(CecView view) =>
        new(CecViewBuilder.ApiVersion, view.Kind, view.Metadata.Namespace, view.Metadata.Name, ManifestTemplates.Render("ciliumenvoyconfig", view));
}

using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Reads a Deployment, StatefulSet or DaemonSet for its pod labels and replicas (which Service selects it, and its
/// identity later). Nothing of it is compiled into the proxy config, which the info diagnostic says.
/// </summary>
internal static class WorkloadReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        diagnostics.ReportIgnoredKind(obj.Location, obj.Kind, meta.Name);
        var spec = obj.Root.Map("spec");
        var labels = spec.Map("template").Map("metadata").Labels("labels");
        return new Workload(meta, obj.Kind, labels, spec.Int("replicas") ?? 1);
    }
}

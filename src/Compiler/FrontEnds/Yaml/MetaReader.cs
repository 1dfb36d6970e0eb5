using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads <c>metadata</c>. Namespaced objects without a namespace land in <c>default</c>, as kubectl would put them.</summary>
internal static class MetaReader
{
    public static ObjectMeta? Read(YamlObject obj, DiagnosticBag diagnostics, bool namespaced = true)
    {
        var metadata = obj.Root.Map("metadata");
        var name = metadata.Str("name");
        if (string.IsNullOrEmpty(name))
        {
            diagnostics.ReportMissingField(metadata?.LocationIn(obj.Path) ?? obj.Location, obj.Kind, "metadata.name");
            return null;
        }
        var ns = namespaced ? metadata.Str("namespace") ?? "default" : "";
        return new ObjectMeta(name, ns, metadata.Labels("labels"), metadata.Labels("annotations"),
            metadata.Long("generation") ?? 1, obj.Location) { Uid = metadata.Str("uid") };
    }
}

using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads a Namespace (its labels drive allowedRoutes selectors).</summary>
internal static class NamespaceReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics) =>
        MetaReader.Read(obj, diagnostics, namespaced: false) is { } meta ? new NamespaceObject(meta) : null;
}

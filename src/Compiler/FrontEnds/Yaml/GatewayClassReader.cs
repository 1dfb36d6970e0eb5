using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads a GatewayClass: <c>spec.controllerName</c>.</summary>
internal static class GatewayClassReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics, namespaced: false) is not { } meta) return null;
        var controller = obj.Root.Map("spec").Str("controllerName") ?? "";
        return new GatewayClass(meta, controller);
    }
}

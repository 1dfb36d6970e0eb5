using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads a ReferenceGrant's <c>from</c> and <c>to</c> lists.</summary>
internal static class ReferenceGrantReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        var spec = obj.Root.Map("spec");
        var from = spec.Maps("from")
            .Select(f => new GrantFrom(f.Str("group") ?? "", f.Str("kind") ?? "", f.Str("namespace") ?? "", f.LocationIn(obj.Path)))
            .ToValueList();
        var to = spec.Maps("to")
            .Select(t => new GrantTo(t.Str("group") ?? "", t.Str("kind") ?? "", t.Str("name"), t.LocationIn(obj.Path)))
            .ToValueList();
        return new ReferenceGrant(meta, from, to);
    }
}

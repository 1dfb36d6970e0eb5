using System.Globalization;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads a ListenerSet: its parent Gateway reference and its listeners (read as a Gateway's listeners are).</summary>
internal static class ListenerSetReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        var spec = obj.Root.Map("spec");
        var parent = spec.Map("parentRef");
        var parentRef = new ObjectRef(parent.Str("group") ?? RouteGroupKind.GatewayGroup, parent.Str("kind") ?? "Gateway",
            parent.Str("namespace"), parent.Str("name") ?? "", parent?.LocationIn(obj.Path) ?? obj.Location);
        var listeners = spec.Maps("listeners").Select(l => GatewayReader.ReadListener(l, obj.Path)).ToValueList();
        var created = obj.Root.Map("metadata").Str("creationTimestamp") is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : (DateTimeOffset?)null;
        return new ListenerSet(meta, parentRef, listeners) { CreationTimestamp = created };
    }
}

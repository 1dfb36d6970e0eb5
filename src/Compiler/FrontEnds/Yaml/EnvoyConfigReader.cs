using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Cilium;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Reads a CiliumEnvoyConfig / CiliumClusterwideEnvoyConfig. Services are forced into the CEC's own namespace
/// (a CCEC's default to "default"), as Cilium's agent does. Resources are checked by <see cref="EnvoyResourceReader"/>.
/// </summary>
internal static class EnvoyConfigReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        var clusterwide = obj.Kind == "CiliumClusterwideEnvoyConfig";
        if (MetaReader.Read(obj, diagnostics, namespaced: !clusterwide) is not { } meta) return null;
        var spec = obj.Root.Map("spec");
        var serviceNamespace = clusterwide ? null : meta.Namespace;
        var services = spec.Maps("services")
            .Select(s => new EnvoyServiceRef(s.Str("name") ?? "", serviceNamespace ?? s.Str("namespace") ?? "default",
                s.Seq("ports").OfType<YamlDotNet.RepresentationModel.YamlScalarNode>()
                    .Select(p => int.TryParse(p.Value, out var n) ? n : (int?)null).OfType<int>().ToValueList(),
                string.IsNullOrEmpty(s.Str("listener")) ? null : s.Str("listener"), s.LocationIn(obj.Path)))
            .ToValueList();
        var backends = spec.Maps("backendServices")
            .Select(s => new EnvoyBackendServiceRef(s.Str("name") ?? "", serviceNamespace ?? s.Str("namespace") ?? "default",
                s.Strings("number").ToValueList(), s.LocationIn(obj.Path)))
            .ToValueList();
        var resources = spec.Seq("resources")
            .Select(r => EnvoyResourceReader.Read(r, obj.Path, diagnostics))
            .OfType<EnvoyResource>()
            .ToValueList();
        return new EnvoyConfig(meta, clusterwide, services, backends, resources);
    }
}

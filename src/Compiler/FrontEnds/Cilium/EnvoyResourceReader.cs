using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Yaml;
using Meshc.Compiler.Ir;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>Reads one entry of a CiliumEnvoyConfig's <c>spec.resources</c> into an <see cref="EnvoyResource"/>.</summary>
internal static class EnvoyResourceReader
{
    public static EnvoyResource? Read(YamlNode node, string path, DiagnosticBag diagnostics)
    {
        if (node is not YamlMappingNode map) return null;
        var json = YamlJson.Convert(map, path);
        var typeUrl = map.Str("@type");
        if (typeUrl is null)
        {
            diagnostics.ReportMissingField(map.LocationIn(path), "Envoy resource", "@type");
            return null;
        }
        return new EnvoyResource(typeUrl, map.Str("name") ?? "", json.Root!.ToJsonString(), map.LocationIn(path));
    }
}

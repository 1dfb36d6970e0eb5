using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Reads a ConfigMap's keys and whether <c>ca.crt</c> holds a PEM certificate; the data stays here.</summary>
internal static class ConfigMapReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        var data = obj.Root.Map("data");
        var binary = obj.Root.Map("binaryData");
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var m in new[] { data, binary })
            if (m is not null)
                foreach (var k in m.Children.Keys.OfType<YamlScalarNode>())
                    keys.Add(k.Value ?? "");
        var ca = data.Str("ca.crt") ?? SecretReader.Decode(binary.Str("ca.crt"));
        var hasCa = ca is not null && ca.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal);
        return new ConfigMapInfo(meta, keys.ToValueList(), hasCa);
    }
}

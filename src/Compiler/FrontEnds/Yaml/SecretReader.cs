using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Reads a Secret's type and keys, and whether tls.crt / tls.key look like PEM. The data never leaves this reader.
/// </summary>
internal static class SecretReader
{
    public static IMeshObject? Read(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (MetaReader.Read(obj, diagnostics) is not { } meta) return null;
        var data = obj.Root.Map("data");
        var stringData = obj.Root.Map("stringData");
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var m in new[] { data, stringData })
            if (m is not null)
                foreach (var k in m.Children.Keys.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>())
                    keys.Add(k.Value ?? "");
        bool IsPem(string key) =>
            (stringData.Str(key) ?? Decode(data.Str(key))) is { } text && text.Contains("-----BEGIN ", StringComparison.Ordinal);
        var hasPair = IsPem("tls.crt") && IsPem("tls.key");
        return new Secret(meta, obj.Root.Str("type") ?? "Opaque", keys.ToValueList(), hasPair) { HasCaCertificate = IsPem("ca.crt") };
    }

    internal static string? Decode(string? base64)
    {
        if (base64 is null) return null;
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

using System.Text.Json.Nodes;

namespace Meshc.SchemaDerive;

/// <summary>
/// The hand-written schemas of core Kubernetes kinds (schemas/kubernetes/): there is no CRD to derive them from.
/// Each names its kind (kind.const) and apiVersions (apiVersion.enum) itself; the derivation only indexes them.
/// </summary>
internal static class HandWrittenSchemas
{
    /// <summary>The folder of hand-written Cilium schemas whose CRDs are not vendored (CiliumNetworkPolicy).</summary>
    public const string CiliumPolicyFolder = "cilium-policy";

    public static IEnumerable<SchemaEntry> Read(string dir)
    {
        if (!Directory.Exists(dir)) yield break;
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(dir));
        foreach (var path in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            var schema = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} is empty");
            var props = schema["properties"];
            var kind = props?["kind"]?["const"]?.GetValue<string>() ?? throw new InvalidDataException($"{path}: no kind.const");
            var versions = props?["apiVersion"]?["enum"]?.AsArray().Select(v => v!.GetValue<string>()).ToList() ??
                           throw new InvalidDataException($"{path}: no apiVersion.enum");
            yield return new SchemaEntry($"{folder}/{Path.GetFileName(path)}", kind, versions, "hand-written", 0);
        }
    }
}

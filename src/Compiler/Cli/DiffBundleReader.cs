using System.Text.Json;
using System.Text.Json.Nodes;
using Meshc.Compiler.BackEnds.Kubernetes;

namespace Meshc.Compiler.Cli;

/// <summary>
/// Reads a bundle folder as objects keyed by identity: xDS resources as <c>xds &lt;Type&gt; &lt;name&gt;</c> (the
/// aggregate files and the per-resource files hold the same resource, so it is read once), Kubernetes objects as
/// <c>k8s &lt;Kind&gt; &lt;namespace&gt;/&lt;name&gt;</c>, and every other file as <c>file &lt;path&gt;</c>.
/// <c>bundle.json</c> is left out: its id and hashes change whenever anything else does.
/// </summary>
public static class DiffBundleReader
{
    /// <exception cref="IOException">The folder does not exist or a file cannot be read.</exception>
    public static IReadOnlyDictionary<string, DiffObject> Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"bundle folder '{folder}' does not exist");
        var objects = new SortedDictionary<string, DiffObject>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(p => p != Bundle.BundleManifest.FileName)
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var text = File.ReadAllText(Path.Combine(folder, path));
            foreach (var obj in Objects(path, text)) objects.TryAdd(obj.Identity, obj);
        }
        return objects;
    }

    private static IEnumerable<DiffObject> Objects(string path, string text)
    {
        var content = Parse(path, text);
        if (path.StartsWith("xds/", StringComparison.Ordinal) && content?["resources"] is JsonArray resources)
        {
            foreach (var resource in resources.OfType<JsonObject>())
                yield return new DiffObject($"xds {TypeName(resource)} {ResourceName(resource)}", resource);
            yield break;
        }
        if (path.StartsWith(KubernetesBackEnd.Folder, StringComparison.Ordinal) && content is JsonObject k8s)
        {
            var ns = k8s["metadata"]?["namespace"]?.GetValue<string>();
            var name = k8s["metadata"]?["name"]?.GetValue<string>();
            var patch = k8s["spec"] is null && k8s["status"] is not null ? " (status)" : "";
            yield return new DiffObject($"k8s {k8s["kind"]?.GetValue<string>()} {(ns is null ? "" : ns + "/")}{name}{patch}", k8s);
            yield break;
        }
        yield return new DiffObject($"file {path}", content);
    }

    // JSON and YAML files are compared field by field; anything else (or a file that does not parse) as text.
    private static JsonNode? Parse(string path, string text)
    {
        try
        {
            if (path.EndsWith(".json", StringComparison.Ordinal)) return JsonNode.Parse(text);
            if (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
                return ManifestYaml.Parse(text) is [var single] ? single : new JsonArray([.. ManifestYaml.Parse(text)]);
        }
        catch (Exception e) when (e is JsonException or YamlDotNet.Core.YamlException)
        {
            // Not what meshc writes; fall back to comparing the text.
        }
        return JsonValue.Create(text);
    }

    private static string TypeName(JsonObject resource) =>
        resource["@type"]?.GetValue<string>() is { } url ? url[(url.LastIndexOf('.') + 1)..] : "resource";

    private static string ResourceName(JsonObject resource) =>
        (resource["name"] ?? resource["clusterName"])?.GetValue<string>() ?? "(unnamed)";
}

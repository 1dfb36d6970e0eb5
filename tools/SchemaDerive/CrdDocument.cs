using YamlDotNet.RepresentationModel;

namespace Meshc.SchemaDerive;

/// <summary>One served version of a CustomResourceDefinition: its name, whether it is the storage version, and its openAPIV3Schema.</summary>
internal sealed record CrdVersion(string Name, bool Storage, YamlMappingNode Schema);

/// <summary>The parts of a CustomResourceDefinition the derivation needs: group, kind, bundle version and served versions.</summary>
internal sealed record CrdDocument(string Group, string Kind, string? BundleVersion, string? Channel, IReadOnlyList<CrdVersion> Versions)
{
    /// <summary>Every CRD in a YAML file (other documents, e.g. a ValidatingAdmissionPolicy, are skipped).</summary>
    public static IEnumerable<CrdDocument> ReadAll(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path)) stream.Load(reader);
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || Str(root, "kind") != "CustomResourceDefinition") continue;
            var annotations = Map(Map(root, "metadata"), "annotations");
            var spec = Map(root, "spec") ?? throw new InvalidDataException($"{path}: a CRD without spec");
            var versions = new List<CrdVersion>();
            foreach (var v in Seq(spec, "versions").OfType<YamlMappingNode>())
            {
                if (Str(v, "served") != "true") continue;
                var schema = Map(Map(v, "schema"), "openAPIV3Schema") ??
                             throw new InvalidDataException($"{path}: version {Str(v, "name")} has no openAPIV3Schema");
                versions.Add(new CrdVersion(Str(v, "name")!, Str(v, "storage") == "true", schema));
            }
            yield return new CrdDocument(Str(spec, "group")!, Str(Map(spec, "names"), "kind")!,
                Str(annotations, "gateway.networking.k8s.io/bundle-version"),
                Str(annotations, "gateway.networking.k8s.io/channel"), versions);
        }
    }

    internal static YamlNode? Get(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    internal static YamlMappingNode? Map(YamlMappingNode? map, string key) => Get(map, key) as YamlMappingNode;

    internal static string? Str(YamlMappingNode? map, string key) => (Get(map, key) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlNode> Seq(YamlMappingNode map, string key) =>
        Get(map, key) is YamlSequenceNode s ? s.Children : [];
}

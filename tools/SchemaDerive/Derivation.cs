using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Meshc.SchemaDerive;

/// <summary>A file the derivation writes, by its path relative to schemas/ ('/'-separated).</summary>
internal sealed record DerivedFile(string RelativePath, string Content);

/// <summary>One schema file and what it serves.</summary>
internal sealed record SchemaEntry(string RelativePath, string Kind, IReadOnlyList<string> ApiVersions, string Origin, int CelRules);

/// <summary>An upstream file the derivation read, with its hash so a reader can tell which upstream text it was.</summary>
internal sealed record SourceFile(string RelativePath, string Sha256);

/// <summary>
/// schemas/ from the upstream CRDs: one schema per kind and distinct served version (versions the CRD serves with
/// identical schemas share one file), plus index.json (kind → apiVersion → file) and README.md.
/// </summary>
internal static class Derivation
{
    public const string Command = "dotnet run --project tools/SchemaDerive -- ../shared/upstream/crds schemas";

    /// <summary>The upstream inputs, relative to the CRD folder. Gateway API's experimental channel is a superset of
    /// standard, and users do write experimental fields (e.g. HTTPRoute retry).</summary>
    private static readonly string[] Inputs =
        ["gateway-api/experimental", "ciliumenvoyconfigs.yaml", "ciliumclusterwideenvoyconfigs.yaml"];

    /// <summary>The folders whose content is entirely generated (the writer replaces them whole).</summary>
    public static readonly string[] GeneratedFolders = ["gateway-api", "cilium"];

    public static IReadOnlyList<DerivedFile> Run(string crdsDir, string handWrittenDir)
    {
        var files = new List<DerivedFile>();
        var entries = new List<SchemaEntry>();
        var sources = new List<SourceFile>();
        var stats = new ConversionStats();
        foreach (var path in InputFiles(crdsDir))
        {
            var crds = CrdDocument.ReadAll(path).ToList();
            if (crds.Count == 0) continue;
            var relative = Path.GetRelativePath(crdsDir, path).Replace('\\', '/');
            sources.Add(new SourceFile(relative, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))));
            foreach (var crd in crds)
                foreach (var (entry, content) in DeriveKind(crd, relative, stats))
                {
                    entries.Add(entry);
                    files.Add(new DerivedFile(entry.RelativePath, content));
                }
        }
        // The Cilium kinds whose CRDs are not vendored (CiliumNetworkPolicy) sit in a hand-written folder beside it.
        var policyDir = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(handWrittenDir)) ?? ".", HandWrittenSchemas.CiliumPolicyFolder);
        var handWritten = HandWrittenSchemas.Read(handWrittenDir).Concat(HandWrittenSchemas.Read(policyDir));
        var all = entries.Concat(handWritten).OrderBy(e => e.RelativePath, StringComparer.Ordinal).ToList();
        files.Add(new DerivedFile("index.json", Index(all)));
        files.Add(new DerivedFile("README.md", ReadmeText.Build(sources, all, stats)));
        return [.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    /// <summary>Writes the files into <paramref name="outDir"/>, first removing the generated folders so that a
    /// schema upstream no longer has does not linger.</summary>
    public static void Write(IReadOnlyList<DerivedFile> files, string outDir)
    {
        foreach (var folder in GeneratedFolders)
        {
            var full = Path.Combine(outDir, folder);
            if (Directory.Exists(full)) Directory.Delete(full, recursive: true);
        }
        foreach (var file in files)
        {
            var full = Path.Combine(outDir, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, file.Content);
        }
    }

    private static IEnumerable<string> InputFiles(string crdsDir)
    {
        foreach (var input in Inputs)
        {
            var full = Path.Combine(crdsDir, input);
            if (Directory.Exists(full))
                foreach (var f in Directory.GetFiles(full, "*.yaml").Order(StringComparer.Ordinal)) yield return f;
            else if (File.Exists(full)) yield return full;
            else throw new FileNotFoundException($"upstream input '{input}' is missing under {crdsDir}");
        }
    }

    private static IEnumerable<(SchemaEntry, string)> DeriveKind(CrdDocument crd, string source, ConversionStats total)
    {
        // Convert every served version, then group versions whose schemas are identical.
        var converted = crd.Versions.Select(v =>
        {
            var converter = new SchemaConverter();
            var json = TopLevelSchema.Convert(v.Schema, converter);
            return (Version: v, Json: json, Text: JsonOutput.Serialize(json), converter.Stats);
        }).ToList();
        foreach (var group in converted.GroupBy(c => c.Text, StringComparer.Ordinal))
        {
            var members = group.ToList();
            var primary = members[0].Version; // CRDs list their newest version first
            var apiVersions = members.Select(m => $"{crd.Group}/{m.Version.Name}").ToList();
            var path = $"{Folder(crd)}/{crd.Kind.ToLowerInvariant()}.{primary.Name}.json";
            var comment = $"Derived by tools/SchemaDerive from {source} ({Upstream(crd)}); do not edit, see schemas/README.md.";
            total.Add(members[0].Stats);
            var schema = TopLevelSchema.Complete(members[0].Json, crd.Kind, apiVersions, comment);
            yield return (new SchemaEntry(path, crd.Kind, apiVersions, source, members[0].Stats.CelRules), JsonOutput.Serialize(schema));
        }
    }

    private static string Folder(CrdDocument crd) => crd.Group switch
    {
        "gateway.networking.k8s.io" or "gateway.networking.x-k8s.io" =>
            $"gateway-api/{crd.BundleVersion ?? throw new InvalidDataException($"{crd.Kind}: no bundle-version annotation")}",
        "cilium.io" => "cilium",
        _ => throw new InvalidDataException($"{crd.Kind}: no folder for API group {crd.Group}"),
    };

    private static string Upstream(CrdDocument crd) =>
        crd.BundleVersion is { } v ? $"Gateway API {v}, {crd.Channel} channel" : "Cilium";

    private static string Index(IEnumerable<SchemaEntry> entries)
    {
        var index = new JsonObject();
        foreach (var byKind in entries.GroupBy(e => e.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var versions = new JsonObject();
            foreach (var (apiVersion, path) in byKind.SelectMany(e => e.ApiVersions.Select(v => (v, e.RelativePath)))
                         .OrderBy(p => p.v, StringComparer.Ordinal))
                versions[apiVersion] = path;
            index[byKind.Key] = versions;
        }
        return JsonOutput.Serialize(index);
    }
}

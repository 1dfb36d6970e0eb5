using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Bundle;

/// <summary>
/// Collects a bundle's files and writes <c>bundle.json</c>: format version, compiler version, the inputs with their
/// SHA-256, every artifact with its SHA-256 and size, and the bundle id — the SHA-256 of the artifact list, so the
/// same output always has the same id. Nothing time- or machine-dependent goes in.
/// </summary>
public sealed class BundleBuilder
{
    /// <summary>Bumped when the bundle layout changes in a way a runtime must know about.</summary>
    public const int FormatVersion = 1;

    public const string ManifestPath = "bundle.json";

    private readonly IReadOnlyList<SourceText> _sources;
    private readonly SortedDictionary<string, BundleFile> _files = new(StringComparer.Ordinal);

    public BundleBuilder(IReadOnlyList<SourceText> sources) => _sources = sources;

    public static string CompilerVersion =>
        typeof(BundleBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public void Add(BundleFile file)
    {
        if (file.Path == ManifestPath || !_files.TryAdd(file.Path, file))
            throw new InvalidOperationException($"bundle file '{file.Path}' written twice");
    }

    public void AddText(string path, string text) => Add(BundleFile.Text(path, text));

    /// <summary>The bundle id: SHA-256 over "path sha256" lines of every artifact, in path order.</summary>
    public static string ComputeId(IEnumerable<(string Path, string Sha256)> artifacts)
    {
        var lines = new StringBuilder();
        foreach (var (path, sha) in artifacts.OrderBy(a => a.Path, StringComparer.Ordinal)) lines.Append(path).Append(' ').Append(sha).Append('\n');
        return Hashing.Sha256Hex(Encoding.UTF8.GetBytes(lines.ToString()));
    }

    public CompiledBundle Build()
    {
        var id = ComputeId(_files.Values.Select(f => (f.Path, f.Sha256)));
        var manifest = new MemoryStream();
        using (var json = new Utf8JsonWriter(manifest, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteString("id", id);
            json.WriteStartObject("compiler");
            json.WriteString("name", "meshc");
            json.WriteString("version", CompilerVersion);
            json.WriteEndObject();
            json.WriteStartArray("inputs");
            foreach (var source in _sources.OrderBy(s => s.Path, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("path", source.Path);
                json.WriteString("sha256", source.Sha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("artifacts");
            foreach (var file in _files.Values)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteString("sha256", file.Sha256);
                json.WriteNumber("size", file.Content.Length);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        manifest.WriteByte((byte)'\n');
        var all = _files.Values.Append(new BundleFile(ManifestPath, manifest.ToArray())).OrderBy(f => f.Path, StringComparer.Ordinal);
        return new CompiledBundle(id, [.. all]);
    }
}

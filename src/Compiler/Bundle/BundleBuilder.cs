using Meshc.Compiler.Text;

namespace Meshc.Compiler.Bundle;

/// <summary>
/// Collects a bundle's files and writes <c>bundle.json</c> (<see cref="BundleManifest"/>): format version, compiler
/// version, the inputs with their SHA-256, every artifact with its SHA-256 and size, and the bundle id.
/// </summary>
public sealed class BundleBuilder
{
    private readonly IReadOnlyList<SourceText> _sources;
    private readonly SortedDictionary<string, BundleFile> _files = new(StringComparer.Ordinal);

    public BundleBuilder(IReadOnlyList<SourceText> sources) => _sources = sources;

    public static string CompilerVersion =>
        typeof(BundleBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public void Add(BundleFile file)
    {
        if (file.Path == BundleManifest.FileName || !_files.TryAdd(file.Path, file))
            throw new InvalidOperationException($"bundle file '{file.Path}' written twice");
    }

    public void AddText(string path, string text) => Add(BundleFile.Text(path, text));

    public CompiledBundle Build()
    {
        var id = BundleManifest.ComputeId(_files.Values.Select(f => (f.Path, f.Sha256)));
        var manifest = new BundleManifest(BundleManifest.CurrentFormatVersion, id, "meshc", CompilerVersion,
            [.. _sources.Select(s => new BundleInput(s.Path, s.Sha256))],
            [.. _files.Values.Select(f => new BundleArtifact(f.Path, f.Sha256, f.Content.Length))]);
        var all = _files.Values.Append(new BundleFile(BundleManifest.FileName, manifest.ToJson())).OrderBy(f => f.Path, StringComparer.Ordinal);
        return new CompiledBundle(id, [.. all]);
    }
}

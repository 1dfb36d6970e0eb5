using System.Collections.Immutable;

namespace Meshc.Compiler.Bundle;

/// <summary>A compiled bundle in memory: its id (a content hash) and its files, sorted by path, bundle.json included.</summary>
public sealed record CompiledBundle(string Id, ImmutableArray<BundleFile> Files)
{
    public BundleFile? Find(string path) => Files.FirstOrDefault(f => f.Path == path);

    public string ReadText(string path) =>
        Find(path) is { } f ? System.Text.Encoding.UTF8.GetString(f.Content) : throw new KeyNotFoundException(path);
}

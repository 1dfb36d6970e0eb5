using Meshc.Compiler.BackEnds.Status;
using Meshc.Compiler.Bundle;

namespace Meshc.Runtime.Loading;

/// <summary>
/// A bundle whose every file matched its manifest hash, held in memory so later changes on disk cannot tear it.
/// <see cref="Folder"/> is the folder it was read from, or, for a bundle given in memory, what it came from.
/// </summary>
public sealed record LoadedBundle(string Folder, BundleManifest Manifest, IReadOnlyDictionary<string, byte[]> Files)
{
    public string ReadText(string path) => System.Text.Encoding.UTF8.GetString(Files[path]);

    /// <summary>The Gateway API status the bundle carries (none when it was compiled without the status target).</summary>
    public BundleStatus Status() => BundleStatus.Read(Files.Keys, ReadText);
}

/// <summary>The outcome of a load: a bundle, or the reason it was refused (a bad bundle must never replace a good one).</summary>
public sealed record BundleLoadResult(LoadedBundle? Bundle, string? Error)
{
    public bool Success => Bundle is not null;
}

using System.Security.Cryptography;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Files;

namespace Meshc.Runtime.Loading;

/// <summary>
/// Reads a bundle and verifies it: <c>bundle.json</c> checked as a schema (<see cref="BundleManifest.Parse"/>), every
/// listed artifact present with its size and SHA-256, and the bundle id equal to the hash of the artifact list. From a
/// folder (<see cref="Load"/>), each file is read only if it is a regular file inside the folder
/// (<see cref="BundleFolder"/>); from memory (<see cref="FromFiles"/>), for bundles that do not come from a folder, the
/// same checks apply to the bytes given.
/// </summary>
public static class BundleLoader
{
    public static BundleLoadResult Load(string folder)
    {
        if (FileKinds.Of(folder) != FileKind.Directory) return Fail($"{folder}: not a folder");
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var (json, refusal) = BundleFolder.Read(root, BundleManifest.FileName, size: null, BundleManifest.MaxManifestBytes);
        if (json is null)
        {
            return Fail(refusal == "is missing"
                ? $"{folder}: no {BundleManifest.FileName} (is this a meshc bundle?)"
                : $"{Path.Combine(folder, BundleManifest.FileName)} {refusal}");
        }
        var (manifest, error) = BundleManifest.Parse(json);
        if (manifest is null) return Fail($"{folder}: {error}");
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var artifact in manifest.Artifacts)
        {
            var (bytes, why) = BundleFolder.Read(root, artifact.Path, artifact.Size, BundleManifest.MaxArtifactBytes);
            if (bytes is null) return Fail($"{Path.Combine(folder, artifact.Path)}: listed in {BundleManifest.FileName} but {why}");
            files[artifact.Path] = bytes;
        }
        return Verify(folder, manifest, files);
    }

    /// <summary>Verifies a bundle given as files in memory (path → bytes, <c>bundle.json</c> included); <paramref name="origin"/> names it in messages.</summary>
    public static BundleLoadResult FromFiles(string origin, IReadOnlyDictionary<string, byte[]> files)
    {
        if (!files.TryGetValue(BundleManifest.FileName, out var json)) return Fail($"{origin}: no {BundleManifest.FileName}");
        var (manifest, error) = BundleManifest.Parse(json);
        if (manifest is null) return Fail($"{origin}: {error}");
        var listed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var artifact in manifest.Artifacts)
        {
            if (!files.TryGetValue(artifact.Path, out var bytes)) return Fail($"{origin}/{artifact.Path}: listed in {BundleManifest.FileName} but missing");
            listed[artifact.Path] = bytes;
        }
        return Verify(origin, manifest, listed);
    }

    private static BundleLoadResult Verify(string origin, BundleManifest manifest, Dictionary<string, byte[]> files)
    {
        foreach (var artifact in manifest.Artifacts)
        {
            var bytes = files[artifact.Path];
            var where = $"{origin}/{artifact.Path}";
            if (bytes.Length != artifact.Size) return Fail($"{where}: {bytes.Length} bytes; {BundleManifest.FileName} says {artifact.Size}");
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (sha != artifact.Sha256) return Fail($"{where}: content does not match {BundleManifest.FileName} (sha256 {sha[..12]}…, expected {artifact.Sha256[..12]}…)");
        }
        var expectedId = manifest.ExpectedId();
        if (expectedId != manifest.Id) return Fail($"{origin}: bundle id {manifest.Id[..12]}… does not match its artifacts ({expectedId[..12]}…)");
        return new BundleLoadResult(new LoadedBundle(origin, manifest, files), null);
    }

    private static BundleLoadResult Fail(string error) => new(null, error);
}

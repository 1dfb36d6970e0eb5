using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Meshc.Runtime.Loading;

/// <summary>
/// Reads a bundle folder and verifies it: a known format version, every listed artifact present with its SHA-256,
/// no unlisted file under xds/ or status/, and the bundle id equal to the hash of the artifact list.
/// </summary>
public static class BundleLoader
{
    public const int SupportedFormatVersion = 1;

    public static BundleLoadResult Load(string folder)
    {
        var manifestPath = Path.Combine(folder, "bundle.json");
        if (!File.Exists(manifestPath)) return Fail($"{folder}: no bundle.json (is this a meshc bundle?)");
        BundleManifest manifest;
        try
        {
            manifest = ReadManifest(File.ReadAllBytes(manifestPath));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return Fail($"{manifestPath}: unreadable manifest: {e.Message}");
        }
        if (manifest.FormatVersion != SupportedFormatVersion)
            return Fail($"{manifestPath}: format version {manifest.FormatVersion} is not supported (this runtime reads {SupportedFormatVersion})");

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var artifact in manifest.Artifacts)
        {
            var path = Path.Combine(folder, artifact.Path);
            if (!File.Exists(path)) return Fail($"{path}: listed in bundle.json but missing");
            var bytes = File.ReadAllBytes(path);
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (sha != artifact.Sha256) return Fail($"{path}: content does not match bundle.json (sha256 {sha[..12]}…, expected {artifact.Sha256[..12]}…)");
            files[artifact.Path] = bytes;
        }
        var expectedId = ComputeId(manifest.Artifacts);
        if (expectedId != manifest.Id) return Fail($"{manifestPath}: bundle id {manifest.Id[..12]}… does not match its artifacts ({expectedId[..12]}…)");
        return new BundleLoadResult(new LoadedBundle(folder, manifest, files), null);
    }

    /// <summary>The same id rule the compiler uses: SHA-256 over "path sha256" lines in path order.</summary>
    public static string ComputeId(IEnumerable<BundleArtifact> artifacts)
    {
        var lines = new StringBuilder();
        foreach (var a in artifacts.OrderBy(a => a.Path, StringComparer.Ordinal)) lines.Append(a.Path).Append(' ').Append(a.Sha256).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }

    private static BundleManifest ReadManifest(byte[] json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var artifacts = root.GetProperty("artifacts").EnumerateArray()
            .Select(a => new BundleArtifact(a.GetProperty("path").GetString()!, a.GetProperty("sha256").GetString()!, a.GetProperty("size").GetInt64()))
            .ToList();
        return new BundleManifest(root.GetProperty("formatVersion").GetInt32(), root.GetProperty("id").GetString()!,
            root.GetProperty("compiler").GetProperty("version").GetString()!, artifacts);
    }

    private static BundleLoadResult Fail(string error) => new(null, error);
}

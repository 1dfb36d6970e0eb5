namespace Meshc.Compiler.Bundle;

/// <summary>
/// Writes a bundle to a folder. The new bundle is written beside the target and then moved into place, so a reader
/// (the runtime's reload) sees the old bundle or the new one, never half of each. A non-empty folder that is not a
/// bundle is never overwritten: that would lose someone's files.
/// </summary>
public static class BundleWriter
{
    public static void Write(CompiledBundle bundle, string folder)
    {
        // "out/" and "out" are the same folder; without trimming, the folder's own name would read as empty.
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(Path.Combine(target, BundleManifest.FileName)))
            throw new IOException($"'{folder}' exists and is not a meshc bundle (no {BundleManifest.FileName}); refusing to overwrite it");

        var parent = Path.GetDirectoryName(target) ?? ".";
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.new-{bundle.Id[..12]}");
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        foreach (var file in bundle.Files)
        {
            var path = Path.Combine(staging, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.Content);
        }

        var old = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{bundle.Id[..12]}");
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(staging, target);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }
}

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
        // Folders first, then the files, several at a time: each file is written whole by one thread, and nothing
        // reads the staging folder until all are done.
        foreach (var directory in bundle.Files.Select(f => Path.GetDirectoryName(Path.Combine(staging, f.Path))!).Distinct())
            Directory.CreateDirectory(directory);
        try
        {
            Parallel.ForEach(bundle.Files, file => File.WriteAllBytes(Path.Combine(staging, file.Path), file.Content));
        }
        catch (AggregateException e)
        {
            // Callers handle an I/O failure (IOException, UnauthorizedAccessException), not the parallel loop's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var old = Path.Combine(parent, $".{Path.GetFileName(target)}.old-{bundle.Id[..12]}");
        if (Directory.Exists(target)) Directory.Move(target, old);
        Directory.Move(staging, target);
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }
}

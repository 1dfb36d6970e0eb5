using Meshc.Compiler.Files;

namespace Meshc.Runtime.Loading;

/// <summary>
/// Reads one file of a bundle folder, safely whatever the folder holds: the path is walked segment by segment from
/// the folder, a symbolic link is followed only while it stays inside the folder, only a regular file is read (a FIFO
/// would hang the read, a device never end it), and its size is checked before reading and while reading.
/// </summary>
internal static class BundleFolder
{
    private const int MaxLinks = 40;

    /// <summary>The bytes of <paramref name="relative"/> (forward slashes) under <paramref name="root"/>, or why not.</summary>
    /// <param name="root">The bundle folder, a full path.</param>
    /// <param name="relative">The file's path inside the bundle, already checked by <see cref="Compiler.Bundle.BundlePaths"/>.</param>
    /// <param name="size">The size the file must have, or null for any size up to <paramref name="maxBytes"/>.</param>
    /// <param name="maxBytes">The most that is read.</param>
    public static (byte[]? Bytes, string? Refusal) Read(string root, string relative, long? size, long maxBytes)
    {
        var (path, refusal) = Resolve(root, relative);
        if (path is null) return (null, refusal);
        var (kind, actual) = FileKinds.Stat(path, followLinks: false);
        if (kind == FileKind.Missing) return (null, "is missing");
        if (kind != FileKind.Regular) return (null, $"is {FileKinds.Describe(kind)}, not a regular file");
        if (size is { } expected && actual != expected) return (null, $"is {actual} bytes; bundle.json says {expected}");
        if (actual > maxBytes) return (null, $"is {BoundedFile.TooLarge(actual, maxBytes)}");
        try
        {
            var (bytes, failure) = BoundedFile.Read(path, size ?? maxBytes);
            return bytes is null ? (null, $"is {failure}") : (bytes, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>
    /// The real path of <paramref name="relative"/> under <paramref name="root"/>, following symbolic links one segment
    /// at a time and refusing any that leads outside <paramref name="root"/>.
    /// </summary>
    private static (string? Path, string? Refusal) Resolve(string root, string relative)
    {
        var pending = new Queue<string>(relative.Split('/'));
        var current = root;
        var links = 0;
        while (pending.TryDequeue(out var segment))
        {
            var next = Path.Combine(current, segment);
            if (FileKinds.Of(next, followLinks: false) != FileKind.Symlink)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks) return (null, $"goes through more than {MaxLinks} symbolic links");
            var target = Path.GetFullPath(new FileInfo(next).LinkTarget ?? "", Path.GetDirectoryName(next)!);
            if (!Inside(root, target)) return (null, $"is a symbolic link to {target}, outside the bundle");
            // Walk the target again from the root, so links within it are checked the same way.
            var rest = pending.ToList();
            pending = new Queue<string>(Path.GetRelativePath(root, target).Split(Path.DirectorySeparatorChar).Where(s => s is not "" and not ".").Concat(rest));
            current = root;
        }
        return (current, null);
    }

    private static bool Inside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == root;
}

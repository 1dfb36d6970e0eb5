namespace Meshc.Compiler.Files;

/// <summary>Reads a file only if it is a regular file within a size bound, checked before reading and again while reading.</summary>
public static class BoundedFile
{
    /// <summary>The bytes of <paramref name="path"/>, or why they were not read.</summary>
    /// <exception cref="IOException">Reading failed.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static (byte[]? Bytes, string? Refusal) Read(string path, long maxBytes)
    {
        var (kind, size) = FileKinds.Stat(path);
        if (kind != FileKind.Regular) return (null, $"{FileKinds.Describe(kind)}, not a regular file");
        if (size > maxBytes) return (null, TooLarge(size, maxBytes));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        // The file may have changed since it was measured: read at most one byte past the bound to tell.
        using var content = new MemoryStream((int)size);
        var chunk = new byte[64 * 1024];
        int n;
        while ((n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - content.Length))) > 0)
        {
            content.Write(chunk, 0, n);
            if (content.Length > maxBytes) return (null, TooLarge(Math.Max(stream.Length, content.Length), maxBytes));
        }
        return (content.ToArray(), null);
    }

    public static string TooLarge(long size, long maxBytes) => $"{size} bytes, over the limit of {maxBytes}";
}

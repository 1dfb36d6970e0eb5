namespace Meshc.Compiler.Bundle;

/// <summary>
/// What an artifact path in <c>bundle.json</c> may be: relative, forward slashes, no empty, <c>.</c> or <c>..</c>
/// segment, no control characters, backslashes or colons, so that joined to the bundle folder it names a file inside.
/// </summary>
public static class BundlePaths
{
    /// <summary>The longest artifact path, and the longest segment (Linux's NAME_MAX).</summary>
    public const int MaxLength = 1024;

    private const int MaxSegment = 255;

    /// <summary>Why <paramref name="path"/> is not a sound artifact path, or null when it is.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0) return "is empty";
        if (path.Length > MaxLength) return $"is longer than {MaxLength} characters";
        if (path[0] == '/') return "is absolute; artifact paths are relative to the bundle";
        if (path.Any(c => char.IsControl(c) || c is '\\' or ':')) return "has a control character, a backslash or a colon";
        if (path == BundleManifest.FileName) return "names the manifest itself";
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..") return "has an empty, '.' or '..' segment; it must stay inside the bundle";
            if (segment.Length > MaxSegment) return $"has a name longer than {MaxSegment} characters";
        }
        return null;
    }
}

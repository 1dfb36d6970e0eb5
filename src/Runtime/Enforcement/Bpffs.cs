namespace Meshc.Runtime.Enforcement;

/// <summary>Where kernel maps are pinned: <c>--bpffs DIR</c>, <c>--bpffs off</c>, or by default /sys/fs/bpf/meshc when /sys/fs/bpf is a bpffs mount.</summary>
public static class Bpffs
{
    public const string CiliumRoot = "/sys/fs/bpf";

    /// <summary>The folder to pin in, or null with the reason kernel maps are off.</summary>
    public static (string? Folder, string? Off) Choose(string? requested)
    {
        if (requested == "off") return (null, "kernel maps off (--bpffs off)");
        var mounts = BpfMounts();
        if (requested is null)
            return mounts.Contains(CiliumRoot) ? (Path.Combine(CiliumRoot, "meshc"), null) : (null, $"kernel maps off: {CiliumRoot} is not a bpffs mount (use --bpffs DIR)");
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(requested));
        return mounts.Any(m => full == m || full.StartsWith(m + "/", StringComparison.Ordinal))
            ? (full, null)
            : (null, $"kernel maps off: {full} is not on a bpffs mount (mount -t bpf bpf <dir>)");
    }

    /// <summary>The mount points of type bpf, from /proc/self/mounts.</summary>
    public static IReadOnlyList<string> BpfMounts()
    {
        try
        {
            return [.. File.ReadLines("/proc/self/mounts").Select(l => l.Split(' ')).Where(f => f.Length > 2 && f[2] == "bpf").Select(f => f[1].Replace("\\040", " "))];
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}

using System.Runtime.InteropServices;
using Meshc.PolicyEngine;
using Meshc.PolicyEngine.Kernel;

namespace Meshc.Runtime.Tests.Policy;

/// <summary>Whether this machine lets the tests create BPF maps and mount a bpffs, decided once by trying.</summary>
internal static class KernelSupport
{
    private static readonly Lazy<string?> MapRefusal = new(ProbeMaps);
    private static readonly Lazy<string?> BpffsRefusal = new(ProbeBpffs);

    /// <summary>Null when bpf(BPF_MAP_CREATE) works here, else why not.</summary>
    public static string? Maps => MapRefusal.Value;

    /// <summary>Null when a bpffs folder is available (MESHC_BPFFS, or a temporary mount as root), else why not.</summary>
    public static string? Bpffs => Maps ?? BpffsRefusal.Value;

    private static string? ProbeMaps()
    {
        var image = new BpfMapImage("meshc_probe", 4, 4, [(new byte[4], new byte[4])]);
        var (map, refused) = KernelMap.Create(image, lpm: false, maxEntries: 1);
        map?.Dispose();
        return refused is null ? null : $"kernel maps unavailable: {refused}";
    }

    private static string? ProbeBpffs()
    {
        if (Environment.GetEnvironmentVariable("MESHC_BPFFS") is { Length: > 0 }) return null;
        var (folder, refused) = TemporaryBpffs.TryMount();
        folder?.Dispose();
        return refused;
    }
}

/// <summary>A bpffs for one test: MESHC_BPFFS/&lt;unique&gt; when set, else a bpffs mounted on a temporary folder and unmounted afterwards.</summary>
internal sealed class TemporaryBpffs : IDisposable
{
    private readonly bool _mounted;

    private TemporaryBpffs(string path, bool mounted)
    {
        Path = path;
        _mounted = mounted;
    }

    public string Path { get; }

    public static (TemporaryBpffs? Folder, string? Refused) TryMount()
    {
        var name = $"meshc-test-{Guid.NewGuid():N}";
        if (Environment.GetEnvironmentVariable("MESHC_BPFFS") is { Length: > 0 } root)
            return (new TemporaryBpffs(System.IO.Path.Combine(root, name), mounted: false), null);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name);
        Directory.CreateDirectory(path);
        if (mount("bpf", path, "bpf", 0, IntPtr.Zero) == 0) return (new TemporaryBpffs(path, mounted: true), null);
        var errno = Marshal.GetLastWin32Error();
        Directory.Delete(path);
        return (null, $"cannot mount a bpffs (errno {errno}; run as root or set MESHC_BPFFS to a bpffs folder)");
    }

    public void Dispose()
    {
        if (_mounted)
        {
            umount2(Path, 2); // MNT_DETACH
            Directory.Delete(Path);
        }
        else if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mount(string source, string target, string type, ulong flags, IntPtr data);

    [DllImport("libc", SetLastError = true)]
    private static extern int umount2(string target, int flags);
}

/// <summary>A fact reported as skipped, with the reason, where bpf() is refused.</summary>
public sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute()
    {
        if (KernelSupport.Maps is { } reason) Skip = reason;
    }
}

/// <summary>A theory reported as skipped, with the reason, where bpf() is refused.</summary>
public sealed class KernelTheoryAttribute : TheoryAttribute
{
    public KernelTheoryAttribute()
    {
        if (KernelSupport.Maps is { } reason) Skip = reason;
    }
}

/// <summary>A fact reported as skipped where no bpffs can be had for pinning.</summary>
public sealed class BpffsFactAttribute : FactAttribute
{
    public BpffsFactAttribute()
    {
        if (KernelSupport.Bpffs is { } reason) Skip = reason;
    }
}

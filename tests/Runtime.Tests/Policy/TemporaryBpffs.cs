using System.Runtime.InteropServices;

namespace Meshc.Runtime.Tests.Policy;

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
            _ = umount2(Path, 2); // MNT_DETACH; a failure leaves the mount for the next boot, nothing to act on here
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

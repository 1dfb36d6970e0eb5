namespace Meshc.PolicyEngine.Kernel;

/// <summary>
/// A real BPF map filled from a bundle's map image: created with <c>bpf(BPF_MAP_CREATE)</c>, filled entry by entry,
/// optionally pinned under a bpffs folder, and read back. Disposing closes the fd and removes the pin, which frees
/// the map. Errors are returned as one line (<c>EPERM</c> and the like), never thrown.
/// </summary>
public sealed class KernelMap : IDisposable
{
    private int _fd;

    private KernelMap(string name, int fd, int keySize, int valueSize)
    {
        Name = name;
        _fd = fd;
        KeySize = keySize;
        ValueSize = valueSize;
    }

    public string Name { get; }
    public int KeySize { get; }
    public int ValueSize { get; }

    /// <summary>Where the map is pinned, or null.</summary>
    public string? PinPath { get; private set; }

    /// <summary>Creates the map (an LPM trie when <paramref name="lpm"/>, else a hash) and writes every entry of the image.</summary>
    public static (KernelMap? Map, string? Error) Create(BpfMapImage image, bool lpm, int maxEntries)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess || System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64)
            return (null, "kernel BPF maps need Linux on x86-64");
        var fd = BpfSyscall.CreateMap(lpm ? BpfSyscall.MapTypeLpmTrie : BpfSyscall.MapTypeHash, image.KeySize, image.ValueSize,
            Math.Max(maxEntries, 1), lpm ? BpfSyscall.NoPrealloc : 0, image.Name);
        if (fd < 0) return (null, $"bpf(BPF_MAP_CREATE) for {image.Name} failed: {Errno(-fd)}");
        var map = new KernelMap(image.Name, fd, image.KeySize, image.ValueSize);
        foreach (var (key, value) in image.Entries)
        {
            var result = BpfSyscall.Update(fd, key, value);
            if (result < 0)
            {
                map.Dispose();
                return (null, $"bpf(BPF_MAP_UPDATE_ELEM) on {image.Name} failed: {Errno(-result)}");
            }
        }
        return (map, null);
    }

    /// <summary>Opens the map pinned at <paramref name="path"/> (BPF_OBJ_GET) to read it; disposing closes it and leaves the pin.</summary>
    public static (KernelMap? Map, string? Error) OpenPinned(string path, int keySize, int valueSize)
    {
        var fd = BpfSyscall.Get(path);
        return fd < 0 ? (null, $"bpf(BPF_OBJ_GET) at {path} failed: {Errno(-fd)}") : (new KernelMap(Path.GetFileName(path), fd, keySize, valueSize), null);
    }

    /// <summary>The value stored for <paramref name="key"/> (for an LPM trie: the longest matching prefix), or null.</summary>
    public byte[]? Lookup(ReadOnlySpan<byte> key)
    {
        var value = new byte[ValueSize];
        return BpfSyscall.Lookup(_fd, key, value) == 0 ? value : null;
    }

    /// <summary>Pins the map as <paramref name="folder"/>/name; an error line when the folder is not on a bpffs.</summary>
    public string? Pin(string folder)
    {
        var path = Path.Combine(folder, Name);
        var result = BpfSyscall.Pin(_fd, path);
        if (result < 0) return $"bpf(BPF_OBJ_PIN) at {path} failed: {Errno(-result)}";
        PinPath = path;
        return null;
    }

    /// <summary>
    /// Pins the map as <paramref name="folder"/>/name, atomically replacing a map pinned there before: the map is
    /// pinned under a temporary name, then renamed over the old pin, so a reader of the path always finds a whole
    /// map. The replaced map is freed once its last fd closes.
    /// </summary>
    public string? PinReplacing(string folder)
    {
        var path = Path.Combine(folder, Name);
        // bpffs refuses names with a dot; Cilium stages replacements as "<name>:pending" too.
        var staging = Path.Combine(folder, $"{Name}:pending");
        if (File.Exists(staging)) File.Delete(staging);
        var result = BpfSyscall.Pin(_fd, staging);
        if (result < 0) return $"bpf(BPF_OBJ_PIN) at {staging} failed: {Errno(-result)}";
        result = BpfSyscall.Rename(staging, path);
        if (result < 0)
        {
            File.Delete(staging);
            return $"rename({staging}, {path}) failed: {Errno(-result)}";
        }
        PinPath = path;
        return null;
    }

    /// <summary>Closes the fd but leaves the pin (a newer map replaced it, or it must outlive this process).</summary>
    public void Release()
    {
        PinPath = null;
        Dispose();
    }

    public void Dispose()
    {
        if (PinPath is not null && File.Exists(PinPath)) File.Delete(PinPath);
        PinPath = null;
        if (_fd >= 0) BpfSyscall.close(_fd);
        _fd = -1;
    }

    private static string Errno(int errno) => errno switch
    {
        1 => "EPERM (not permitted: run as root or with CAP_BPF)",
        2 => "ENOENT",
        13 => "EACCES",
        22 => "EINVAL",
        38 => "ENOSYS (no bpf() in this kernel)",
        _ => $"errno {errno}",
    };
}

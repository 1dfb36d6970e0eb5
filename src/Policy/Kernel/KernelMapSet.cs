using System.Buffers.Binary;

namespace Meshc.PolicyEngine.Kernel;

/// <summary>
/// Every map of a bundle's <c>bpf/</c> section as a real kernel map: created with Cilium's map types and default sizes,
/// filled, verified by reading every entry back, and optionally pinned under a bpffs folder, replacing the maps of a
/// previous bundle pin by pin (rename over the old pin). Errors come back as one line.
/// </summary>
public sealed class KernelMapSet : IDisposable
{
    private readonly List<KernelMap> _maps;

    private KernelMapSet(List<KernelMap> maps) => _maps = maps;

    public IReadOnlyList<KernelMap> Maps => _maps;

    /// <summary>The bpffs folder the maps are pinned in, or null.</summary>
    public string? Folder { get; private set; }

    /// <summary>Creates, fills and reads back every <c>bpf/*.bin</c> map of <paramref name="files"/> (bundle paths).</summary>
    public static (KernelMapSet? Set, string? Error) Create(IReadOnlyDictionary<string, byte[]> files)
    {
        var maps = new List<KernelMap>();
        foreach (var path in files.Keys.Where(p => p.StartsWith("bpf/", StringComparison.Ordinal) && p.EndsWith(".bin", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var bytes = files[path];
            var name = Path.GetFileNameWithoutExtension(path);
            var sizes = bytes.Length >= BpfMapImage.HeaderSize
                ? ((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)), (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12)))
                : (0, 0);
            var (image, error) = BpfMapImage.Read(name, bytes, sizes.Item1, sizes.Item2);
            var (map, refused) = image is null ? (null, error) : KernelMap.Create(image, IsLpm(name), MaxEntries(name));
            var mismatch = map is null ? null : VerifyReadBack(map, image!);
            if (map is null || mismatch is not null)
            {
                map?.Dispose();
                foreach (var m in maps) m.Dispose();
                return (null, refused ?? $"{name}: read back differs from the bundle ({mismatch})");
            }
            maps.Add(map);
        }
        return (new KernelMapSet(maps), null);
    }

    /// <summary>Pins every map under <paramref name="folder"/> (created when missing), each replacing the pin of the same name atomically.</summary>
    public string? PinReplacing(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot create {folder}: {e.Message}";
        }
        foreach (var map in _maps)
            if (map.PinReplacing(folder) is { } error) return error;
        Folder = folder;
        return null;
    }

    /// <summary>
    /// Lets go of this set after <paramref name="successor"/> replaced it: maps the successor pinned under the same
    /// name are only closed (their pin now holds the new map); maps it does not have are unpinned and closed.
    /// </summary>
    public void ReleaseTo(KernelMapSet successor)
    {
        var kept = successor.Folder is null ? [] : successor._maps.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var map in _maps)
        {
            if (kept.Contains(map.Name) && successor.Folder == Folder) map.Release();
            else map.Dispose();
        }
        _maps.Clear();
    }

    /// <summary>Unpins and closes every map: the kernel frees them.</summary>
    public void Dispose()
    {
        foreach (var map in _maps) map.Dispose();
        _maps.Clear();
    }

    /// <summary>Policy maps and the ipcache are LPM tries (Cilium's types); the load-balancer maps are hashes.</summary>
    public static bool IsLpm(string name) => name.StartsWith("cilium_policy_v2_", StringComparison.Ordinal) || name == "cilium_ipcache_v2";

    /// <summary>Cilium's default map sizes: 16,384 policy entries per endpoint, 512,000 ipcache entries, 65,536 per LB map.</summary>
    public static int MaxEntries(string name) =>
        name.StartsWith("cilium_policy_v2_", StringComparison.Ordinal) ? 16_384 : name == "cilium_ipcache_v2" ? 512_000 : 65_536;

    private static string? VerifyReadBack(KernelMap map, BpfMapImage image)
    {
        foreach (var (key, value) in image.Entries)
            if (map.Lookup(key) is not { } found || !found.AsSpan().SequenceEqual(value))
                return $"key {Convert.ToHexString(key)}";
        return null;
    }
}

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

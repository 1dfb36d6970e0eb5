using Meshc.PolicyEngine;
using Meshc.PolicyEngine.Kernel;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Enforcement;

/// <summary>
/// The policy a snapshot is enforced with, immutable once built: the bundle's in-process maps (LPM semantics), the
/// Service frontends each listener serves (those whose L7 proxy port is the listener's port), and the kernel maps
/// mirroring them when they could be loaded.
/// </summary>
public sealed class EnforcementState
{
    private EnforcementState(string bundleId, PolicyBundle bundle, IReadOnlyDictionary<string, IReadOnlyList<ServiceFrontend>> frontends, KernelMapSet? kernel)
    {
        BundleId = bundleId;
        Bundle = bundle;
        Frontends = frontends;
        Kernel = kernel;
    }

    public string BundleId { get; }
    public PolicyBundle Bundle { get; }

    /// <summary>The frontends each listener serves, by listener name; a listener no frontend names is absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ServiceFrontend>> Frontends { get; }

    public KernelMapSet? Kernel { get; }

    /// <summary>Binds the bundle's frontends to the snapshot's listeners by proxy port (the port the compiler gave the listener).</summary>
    public static EnforcementState Build(RuntimeSnapshot snapshot, PolicyBundle bundle, KernelMapSet? kernel)
    {
        var frontends = new Dictionary<string, IReadOnlyList<ServiceFrontend>>(StringComparer.Ordinal);
        foreach (var listener in snapshot.Listeners)
        {
            var claimed = bundle.Frontends.Where(f => f.L7ProxyPort > 0 && f.L7ProxyPort == listener.Port).ToList();
            if (claimed.Count > 0) frontends[listener.Name] = claimed;
        }
        return new EnforcementState(snapshot.BundleId, bundle, frontends, kernel);
    }
}

using Meshc.Runtime.Loading;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// Puts a newly built snapshot in service, whether it came from a reloaded bundle folder or over ADS: the bundle's
/// policy first (so no connection is judged by the old policy against the new listeners), then the snapshot and the
/// sockets it needs, as the adjustment makes it serve (demo backends). Returns what changed, for the log.
/// </summary>
public static class SnapshotSwap
{
    public static IReadOnlyList<string> Apply(ProxyHost host, LoadedBundle bundle, RuntimeSnapshot snapshot, Func<RuntimeSnapshot, RuntimeSnapshot> adjust) =>
        [.. host.Holder.Policy.Reload(bundle, snapshot), .. host.Apply(adjust(snapshot))];
}

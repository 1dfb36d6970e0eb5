using System.Collections.Concurrent;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>The current snapshot, swapped atomically, and the per-cluster live state (balancing, ejections) that outlives a swap.</summary>
public sealed class SnapshotHolder(RuntimeSnapshot initial, ProxyStats stats, TimeProvider? time = null)
{
    private RuntimeSnapshot _current = initial;
    private readonly ConcurrentDictionary<string, ClusterState> _clusters = new(StringComparer.Ordinal);

    public RuntimeSnapshot Current => Volatile.Read(ref _current);

    public void Swap(RuntimeSnapshot next)
    {
        Volatile.Write(ref _current, next);
        LoadedAt = (time ?? TimeProvider.System).GetUtcNow();
    }

    /// <summary>When the current snapshot was put in place (the config dump's <c>last_updated</c>).</summary>
    public DateTimeOffset LoadedAt { get; private set; } = (time ?? TimeProvider.System).GetUtcNow();

    /// <summary>Why the last reload was refused (the current snapshot kept serving), or null.</summary>
    public string? LastLoadError { get; set; }

    /// <summary>The policy enforced with the snapshot (docs/bpf.md); nothing until loaded.</summary>
    public Enforcement.PolicyEnforcer Policy { get; } = new(stats);

    public ClusterState StateOf(string cluster) =>
        _clusters.GetOrAdd(cluster, n => new ClusterState(n, stats, time ?? TimeProvider.System));
}

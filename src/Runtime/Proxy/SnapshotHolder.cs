using System.Collections.Concurrent;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// The current snapshot and the socket map it is served on, swapped together atomically, and the per-cluster live state
/// (balancing, ejections) that outlives a swap.
/// </summary>
public sealed class SnapshotHolder(RuntimeSnapshot initial, ProxyStats stats, TimeProvider? time = null)
{
    private Serving _serving = new(initial, SocketMap.Empty);
    private readonly ConcurrentDictionary<string, ClusterState> _clusters = new(StringComparer.Ordinal);

    /// <summary>A snapshot with the sockets that serve it: a request reads both from one reference, so it never sees one without the other.</summary>
    public sealed record Serving(RuntimeSnapshot Snapshot, SocketMap Sockets);

    public RuntimeSnapshot Current => Volatile.Read(ref _serving).Snapshot;

    /// <summary>The current snapshot with its socket map, as one.</summary>
    public Serving Now => Volatile.Read(ref _serving);

    /// <summary>Puts <paramref name="next"/> in place, served on <paramref name="sockets"/> (the current map when null).</summary>
    public void Swap(RuntimeSnapshot next, SocketMap? sockets = null)
    {
        Volatile.Write(ref _serving, new Serving(next, sockets ?? Now.Sockets));
        LoadedAt = (time ?? TimeProvider.System).GetUtcNow();
    }

    /// <summary>When the current snapshot was put in place (the config dump's <c>last_updated</c>).</summary>
    public DateTimeOffset LoadedAt { get; private set; } = (time ?? TimeProvider.System).GetUtcNow();

    /// <summary>Counters of bundle loads after the first, under the words Envoy's xDS subscriptions use.</summary>
    public const string UpdateAttempt = "meshc.bundle.update_attempt";
    public const string UpdateSuccess = "meshc.bundle.update_success";
    public const string UpdateRejected = "meshc.bundle.update_rejected";

    /// <summary>Why the last reload was refused (the current snapshot kept serving), or null.</summary>
    public string? LastLoadError { get; private set; }

    /// <summary>Records a reload's outcome: null for a bundle that was accepted, else why it was refused.</summary>
    public void RecordLoad(string? error)
    {
        stats.Increment(UpdateAttempt);
        stats.Increment(error is null ? UpdateSuccess : UpdateRejected);
        LastLoadError = error;
    }

    /// <summary>Sockets the current snapshot asks for that could not be bound at the last reload, each with the reason.</summary>
    public IReadOnlyList<string> UnservedSockets { get; set; } = [];

    /// <summary>The policy enforced with the snapshot (docs/bpf.md); nothing until loaded.</summary>
    public Enforcement.PolicyEnforcer Policy { get; } = new(stats.Increment);

    public ClusterState StateOf(string cluster) =>
        _clusters.GetOrAdd(cluster, n => new ClusterState(n, stats, time ?? TimeProvider.System));
}

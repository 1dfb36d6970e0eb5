using System.Collections.Concurrent;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>The current snapshot, swapped atomically, and the per-cluster round-robin cursors that outlive a swap.</summary>
public sealed class SnapshotHolder(RuntimeSnapshot initial)
{
    private RuntimeSnapshot _current = initial;
    private readonly ConcurrentDictionary<string, StrongBox<long>> _cursors = new(StringComparer.Ordinal);

    public RuntimeSnapshot Current => Volatile.Read(ref _current);

    public void Swap(RuntimeSnapshot next) => Volatile.Write(ref _current, next);

    /// <summary>Why the last reload was refused (the current snapshot kept serving), or null.</summary>
    public string? LastLoadError { get; set; }

    /// <summary>Round robin over the cluster's endpoints; null when it has none.</summary>
    public EndpointModel? PickEndpoint(ClusterModel cluster)
    {
        if (cluster.Endpoints.Count == 0) return null;
        var cursor = _cursors.GetOrAdd(cluster.Name, _ => new StrongBox<long>(-1));
        var n = Interlocked.Increment(ref cursor.Value);
        return cluster.Endpoints[(int)(n % cluster.Endpoints.Count)];
    }

    private sealed class StrongBox<T>(T value)
    {
        public T Value = value;
    }
}

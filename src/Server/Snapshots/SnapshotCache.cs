using System.Collections.Concurrent;
using Meshc.Server.Resources;

namespace Meshc.Server.Snapshots;

/// <summary>
/// The current <see cref="ResourceSet"/> and, per node selector, the snapshot its nodes see. Streams watch their
/// selector; publishing a new set recomputes the snapshot of every watched selector once and wakes only the streams
/// whose snapshot changed (go-control-plane's snapshot cache keyed by node hash, with the snapshots derived here from
/// one compilation instead of set by the caller).
/// </summary>
public sealed class SnapshotCache
{
    private readonly Lock _gate = new();
    private Generation _current;
    private readonly Dictionary<string, HashSet<Watcher>> _watchers = new(StringComparer.Ordinal);

    public SnapshotCache(ResourceSet initial) => _current = new Generation(initial, 0);

    /// <summary>One subscriber of a selector: it is handed each new snapshot of that selector.</summary>
    public sealed class Watcher(string selector, Action<NodeSnapshot> changed) : IDisposable
    {
        internal SnapshotCache? Cache { get; set; }

        public string Selector { get; } = selector;

        internal void Notify(NodeSnapshot snapshot) => changed(snapshot);

        public void Dispose() => Cache?.Remove(this);
    }

    /// <summary>A set and the snapshots computed from it so far.</summary>
    private sealed class Generation(ResourceSet set, long number)
    {
        private readonly ConcurrentDictionary<string, NodeSnapshot> _snapshots = new(StringComparer.Ordinal);

        public ResourceSet Set { get; } = set;

        public long Number { get; } = number;

        public NodeSnapshot For(string selector) => _snapshots.GetOrAdd(selector, s => NodeSelection.Build(s, Set));
    }

    /// <summary>The set being served.</summary>
    public ResourceSet Current => Volatile.Read(ref _current).Set;

    /// <summary>How many sets have been published.</summary>
    public long GenerationNumber => Volatile.Read(ref _current).Number;

    /// <summary>The current snapshot of <paramref name="selector"/>.</summary>
    public NodeSnapshot Get(string selector) => Volatile.Read(ref _current).For(selector);

    /// <summary>Watches <paramref name="selector"/>; returns the watcher and the snapshot it starts from, atomically.</summary>
    public (Watcher Watcher, NodeSnapshot Snapshot) Watch(string selector, Action<NodeSnapshot> changed)
    {
        var watcher = new Watcher(selector, changed) { Cache = this };
        lock (_gate)
        {
            if (!_watchers.TryGetValue(selector, out var set)) _watchers[selector] = set = [];
            set.Add(watcher);
            return (watcher, _current.For(selector));
        }
    }

    private void Remove(Watcher watcher)
    {
        lock (_gate)
        {
            if (_watchers.TryGetValue(watcher.Selector, out var set) && set.Remove(watcher) && set.Count == 0)
                _watchers.Remove(watcher.Selector);
        }
    }

    /// <summary>What a publish did: the watched selectors, those whose snapshot changed, and the streams woken (theirs).</summary>
    public sealed record PublishResult(long Generation, int Selectors, int ChangedSelectors, int NotifiedStreams);

    /// <summary>Serves <paramref name="set"/> from now on and wakes the streams whose snapshot it changes.</summary>
    public PublishResult Publish(ResourceSet set)
    {
        lock (_gate)
        {
            var old = _current;
            var next = new Generation(set, old.Number + 1);
            Volatile.Write(ref _current, next);
            int changed = 0, notified = 0;
            foreach (var (selector, watchers) in _watchers)
            {
                var snapshot = next.For(selector);
                if (old.For(selector).SameContent(snapshot)) continue;
                changed++;
                foreach (var watcher in watchers)
                {
                    watcher.Notify(snapshot);
                    notified++;
                }
            }
            return new PublishResult(next.Number, _watchers.Count, changed, notified);
        }
    }
}

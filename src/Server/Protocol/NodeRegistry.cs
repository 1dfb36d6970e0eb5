using System.Collections.Concurrent;
using Envoy.Config.Core.V3;

namespace Meshc.Server.Protocol;

/// <summary>What the admin API shows of one connected stream.</summary>
public interface IStreamView
{
    long Id { get; }
    Node Node { get; }
    string Selector { get; }
    string Protocol { get; }
    string Peer { get; }
    DateTimeOffset ConnectedAt { get; }
    string Snapshot { get; }
    IReadOnlyList<TypeState> Types { get; }
}

/// <summary>The streams connected now, by id, for the admin API and the gauges.</summary>
public sealed class NodeRegistry
{
    private readonly ConcurrentDictionary<long, IStreamView> _streams = new();
    private long _next;

    public long NextId() => Interlocked.Increment(ref _next);

    public void Add(IStreamView stream) => _streams[stream.Id] = stream;

    public void Remove(long id) => _streams.TryRemove(id, out _);

    public int Count => _streams.Count;

    public IReadOnlyList<IStreamView> All => [.. _streams.Values.OrderBy(s => s.Id)];
}

using System.Collections.Concurrent;

namespace Meshc.Runtime.Proxy;

/// <summary>Counters and gauges under Envoy's stat names (http.&lt;prefix&gt;.downstream_rq_*, cluster.&lt;name&gt;.upstream_rq_*).</summary>
public sealed class ProxyStats
{
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _gauges = new(StringComparer.Ordinal);

    public void Increment(string name) => _counters.AddOrUpdate(name, 1, (_, v) => v + 1);

    /// <summary>Sets a gauge such as outlier_detection.ejections_active.</summary>
    public void Set(string name, long value)
    {
        _gauges[name] = true;
        _counters[name] = value;
    }

    public long Get(string name) => _counters.GetValueOrDefault(name);

    /// <summary>Whether <paramref name="name"/> is a gauge (set) rather than a counter (incremented).</summary>
    public bool IsGauge(string name) => _gauges.ContainsKey(name);

    /// <summary>All counters, sorted by name, as Envoy's /stats lists them.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Snapshot() =>
        _counters.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();

    /// <summary>Counts one finished downstream request under its listener's stat prefix.</summary>
    public void CountDownstream(string statPrefix, int status)
    {
        var prefix = $"http.{statPrefix}.";
        Increment(prefix + "downstream_rq_total");
        Increment(prefix + "downstream_rq_completed");
        Increment(prefix + $"downstream_rq_{status / 100}xx");
    }

    /// <summary>Counts an upstream response as Envoy's cluster stats do: completed, by class and by code.</summary>
    public void CountUpstreamResponse(string cluster, int status)
    {
        var prefix = $"cluster.{cluster}.";
        Increment(prefix + "upstream_rq_completed");
        Increment(prefix + $"upstream_rq_{status / 100}xx");
        Increment(prefix + $"upstream_rq_{status}");
    }
}

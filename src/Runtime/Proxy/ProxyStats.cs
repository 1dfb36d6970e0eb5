using System.Collections.Concurrent;

namespace Meshc.Runtime.Proxy;

/// <summary>Where a stat lives: <c>http.&lt;stat_prefix&gt;.</c> (a connection manager) or <c>cluster.&lt;name&gt;.</c>.</summary>
public enum StatScope
{
    Http,
    Cluster,
}

/// <summary>
/// Counters and gauges under Envoy's stat names (http.&lt;prefix&gt;.downstream_rq_*, cluster.&lt;name&gt;.upstream_rq_*).
/// Each stat is a cell counted with an interlocked add; the request path finds its cell by (scope, name, stat) without
/// building the full name, which is made once, when the stat is first counted (stats appear only once counted).
/// </summary>
public sealed class ProxyStats
{
    private static readonly string[] DownstreamClass = ["downstream_rq_0xx", "downstream_rq_1xx", "downstream_rq_2xx", "downstream_rq_3xx", "downstream_rq_4xx", "downstream_rq_5xx"];
    private static readonly string[] UpstreamClass = ["upstream_rq_0xx", "upstream_rq_1xx", "upstream_rq_2xx", "upstream_rq_3xx", "upstream_rq_4xx", "upstream_rq_5xx"];
    private static readonly string?[] UpstreamCode = new string?[600];

    private readonly ConcurrentDictionary<string, StatCell> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(StatScope, string, string), StatCell> _byParts = new();

    public void Increment(string name) => Interlocked.Increment(ref Cell(name).Value);

    /// <summary>Increments <c>http.&lt;scope&gt;.&lt;stat&gt;</c> or <c>cluster.&lt;scope&gt;.&lt;stat&gt;</c>.</summary>
    public void Increment(StatScope kind, string scope, string stat) => Interlocked.Increment(ref Cell(kind, scope, stat).Value);

    /// <summary>Sets a gauge such as outlier_detection.ejections_active.</summary>
    public void Set(string name, long value)
    {
        var cell = Cell(name);
        cell.IsGauge = true;
        Volatile.Write(ref cell.Value, value);
    }

    public long Get(string name) => _byName.TryGetValue(name, out var cell) ? Volatile.Read(ref cell.Value) : 0;

    /// <summary>Whether <paramref name="name"/> is a gauge (set) rather than a counter (incremented).</summary>
    public bool IsGauge(string name) => _byName.TryGetValue(name, out var cell) && cell.IsGauge;

    /// <summary>All counters, sorted by name, as Envoy's /stats lists them.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Snapshot() =>
        [.. _byName.Select(kv => KeyValuePair.Create(kv.Key, Volatile.Read(ref kv.Value.Value))).OrderBy(kv => kv.Key, StringComparer.Ordinal)];

    /// <summary>Counts one finished downstream request under its listener's stat prefix.</summary>
    public void CountDownstream(string statPrefix, int status)
    {
        Increment(StatScope.Http, statPrefix, "downstream_rq_total");
        Increment(StatScope.Http, statPrefix, "downstream_rq_completed");
        Increment(StatScope.Http, statPrefix, DownstreamClass[Math.Clamp(status / 100, 0, 5)]);
    }

    /// <summary>Counts an upstream response as Envoy's cluster stats do: completed, by class and by code.</summary>
    public void CountUpstreamResponse(string cluster, int status)
    {
        Increment(StatScope.Cluster, cluster, "upstream_rq_completed");
        Increment(StatScope.Cluster, cluster, UpstreamClass[Math.Clamp(status / 100, 0, 5)]);
        Increment(StatScope.Cluster, cluster, CodeStat(status));
    }

    private static string CodeStat(int status) =>
        status is >= 0 and < 600 ? UpstreamCode[status] ??= $"upstream_rq_{status}" : $"upstream_rq_{status}";

    private StatCell Cell(string name) => _byName.GetOrAdd(name, static _ => new StatCell());

    private StatCell Cell(StatScope kind, string scope, string stat)
    {
        var key = (kind, scope, stat);
        if (_byParts.TryGetValue(key, out var cell)) return cell;
        var name = (kind == StatScope.Http ? "http." : "cluster.") + scope + "." + stat;
        return _byParts.GetOrAdd(key, Cell(name));
    }

    /// <summary>One stat's value; a class so the hot path can add to it in place.</summary>
    private sealed class StatCell
    {
        public long Value;
        public bool IsGauge;
    }
}

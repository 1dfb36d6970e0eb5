using System.Collections.Concurrent;
using Meshc.Runtime.Model;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// A cluster's live state across snapshots: load balancing (ROUND_ROBIN, LEAST_REQUEST with two random choices,
/// RANDOM) over the hosts that are not ejected (all of them in panic, below 50% healthy), and consecutive-failure
/// outlier detection with Envoy's counting, max_ejection_percent check and ejection backoff.
/// </summary>
public sealed class ClusterState(string name, ProxyStats stats, TimeProvider time)
{
    // Host entries are created lock-free (every request needs one); counters and ejections change under _gate.
    private readonly ConcurrentDictionary<EndpointModel, HostState> _hosts = new();
    private readonly DateTimeOffset _start = time.GetUtcNow();
    private readonly Lock _gate = new();
    private long _cursor = -1;
    private int _ejected;

    private string Stat(string suffix) => $"cluster.{name}.outlier_detection.{suffix}";

    public HostState Host(EndpointModel endpoint) => _hosts.GetOrAdd(endpoint, static _ => new HostState());

    private HostState HostUnlocked(EndpointModel endpoint) => Host(endpoint);

    public bool IsEjected(EndpointModel endpoint) => Host(endpoint).Ejected;

    /// <summary>Chooses a host for one attempt, or null when the cluster has none.</summary>
    public EndpointModel? Pick(ClusterModel cluster)
    {
        var all = cluster.Endpoints;
        if (all.Count == 0) return null;
        // With no host ejected (the common case) every host is a candidate and the lock is not needed.
        var candidates = Volatile.Read(ref _ejected) == 0 ? all : Healthy(cluster, all);
        switch (cluster.LbPolicy)
        {
            case "Random":
                return candidates[Random.Shared.Next(candidates.Count)];
            case "LeastRequest":
                var a = candidates[Random.Shared.Next(candidates.Count)];
                var b = candidates[Random.Shared.Next(candidates.Count)];
                return Volatile.Read(ref Host(b).Active) < Volatile.Read(ref Host(a).Active) ? b : a;
            default:
                var n = Interlocked.Increment(ref _cursor);
                return candidates[(int)(n % candidates.Count)];
        }
    }

    /// <summary>The hosts not ejected (un-ejecting those whose time is up), or all of them in panic mode.</summary>
    private IReadOnlyList<EndpointModel> Healthy(ClusterModel cluster, IReadOnlyList<EndpointModel> all)
    {
        List<EndpointModel> healthy;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            healthy = [];
            foreach (var e in all)
            {
                var host = HostUnlocked(e);
                if (host.Ejected && now >= host.UnejectAt) Uneject(host, cluster);
                if (!host.Ejected) healthy.Add(e);
            }
        }
        // Panic mode: with fewer than half the hosts healthy, Envoy balances over all of them.
        return healthy.Count * 2 < all.Count ? all : healthy;
    }

    /// <summary>Feeds one attempt's result to outlier detection: a local-origin failure (connect failure, reset or timeout) or an HTTP status.</summary>
    public void Report(ClusterModel cluster, EndpointModel endpoint, bool localOriginFailure, bool timeout, int status)
    {
        if (cluster.Outlier is not { } o) return;
        lock (_gate)
        {
            var host = HostUnlocked(endpoint);
            if (o.SplitExternalLocalOriginErrors)
            {
                if (localOriginFailure)
                {
                    if (++host.ConsecutiveLocalOriginFailure == o.ConsecutiveLocalOriginFailure)
                        Detect(host, cluster, "consecutive_local_origin_failure", o.EnforcingConsecutiveLocalOriginFailure);
                    return;
                }
                host.ConsecutiveLocalOriginFailure = 0;
            }
            else if (localOriginFailure)
            {
                // Without the split, a local failure counts as the status Envoy would answer: 504 for a timeout, else 503.
                status = timeout ? 504 : 503;
            }
            if (status >= 500)
            {
                if (status is 502 or 503 or 504 && ++host.ConsecutiveGatewayFailure == o.ConsecutiveGatewayFailure)
                    Detect(host, cluster, "consecutive_gateway_failure", o.EnforcingConsecutiveGatewayFailure);
                if (++host.Consecutive5xx == o.Consecutive5xx)
                    Detect(host, cluster, "consecutive_5xx", o.EnforcingConsecutive5xx);
            }
            else
            {
                host.Consecutive5xx = 0;
                host.ConsecutiveGatewayFailure = 0;
            }
        }
    }

    private void Detect(HostState host, ClusterModel cluster, string reason, uint enforcingPercent)
    {
        if (host.Ejected) return;
        stats.Increment(Stat("ejections_detected_" + reason));
        if (Random.Shared.Next(100) >= enforcingPercent) return;
        var o = cluster.Outlier!;
        var active = cluster.Endpoints.Count(e => HostUnlocked(e).Ejected);
        var allowed = 100.0 * (active + 1) / cluster.Endpoints.Count <= o.MaxEjectionPercent || (o.AlwaysEjectOneHost && active == 0);
        if (!allowed)
        {
            stats.Increment(Stat("ejections_overflow"));
            return;
        }
        var now = time.GetUtcNow();
        if (host.EjectTimeBackoff * o.BaseEjectionTime < o.MaxEjectionTime + o.BaseEjectionTime) host.EjectTimeBackoff++;
        var duration = host.EjectTimeBackoff * o.BaseEjectionTime;
        if (duration > o.MaxEjectionTime) duration = o.MaxEjectionTime;
        // Envoy un-ejects only on its interval timer, so the ejection lasts until the next tick after it expires.
        var ticks = Math.Ceiling((now + duration - _start) / o.Interval);
        host.EjectedAt = now;
        Interlocked.Increment(ref _ejected);
        host.UnejectAt = _start + ticks * o.Interval;
        stats.Increment(Stat("ejections_enforced_total"));
        stats.Increment(Stat("ejections_enforced_" + reason));
        stats.Set(Stat("ejections_active"), active + 1);
    }

    private void Uneject(HostState host, ClusterModel cluster)
    {
        host.EjectedAt = null;
        Interlocked.Decrement(ref _ejected);
        host.ResetCounters();
        stats.Set(Stat("ejections_active"), cluster.Endpoints.Count(e => HostUnlocked(e).Ejected));
    }
}

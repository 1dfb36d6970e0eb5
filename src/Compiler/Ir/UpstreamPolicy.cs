using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// How a route's Envoy clusters connect to and balance over their endpoints, beyond what the Gateway API says: a
/// connect timeout, the load-balancing policy and outlier detection. Null fields keep the translation's defaults
/// (Envoy's connect timeout, round robin, Cilium's outlier detection). Written as <see cref="MeshAnnotations"/> on the
/// route in YAML, as <c>clusters</c> in the DSL.
/// </summary>
public sealed record UpstreamPolicy(TimeSpan? ConnectTimeout, LoadBalancing? LoadBalancing, OutlierDetection? Outlier, SourceLocation Origin) : IHasOrigin;

/// <summary>Envoy's cluster load-balancing policies that need no further settings.</summary>
public enum LoadBalancing { RoundRobin, LeastRequest, Random, RingHash, Maglev }

/// <summary>
/// Envoy outlier detection: eject an endpoint after this many consecutive local-origin failures (refused or reset
/// connections, counted apart from 5xx answers), 5xx answers or gateway failures; how often ejections are evaluated,
/// the base ejection time and the largest share of endpoints that may be ejected.
/// </summary>
public sealed record OutlierDetection(
    int? LocalOriginFailures,
    int? Consecutive5xx,
    int? GatewayFailures,
    TimeSpan? Interval,
    TimeSpan? BaseEjectionTime,
    int? MaxEjectionPercent);

using Envoy.Config.Cluster.V3;
using Google.Protobuf.WellKnownTypes;
using Meshc.Compiler.Ir;
using OutlierDetection = Envoy.Config.Cluster.V3.OutlierDetection;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>Applies a route's <see cref="UpstreamPolicy"/> to one of its clusters: connect timeout, LB policy, outlier detection.</summary>
internal static class UpstreamPolicyBuilder
{
    /// <summary>
    /// Only what the policy sets changes. Outlier settings join Cilium's <c>split_external_local_origin_errors</c>,
    /// which <c>local-failures</c> needs to count local-origin failures apart.
    /// </summary>
    public static void Apply(Cluster cluster, UpstreamPolicy policy)
    {
        if (policy.ConnectTimeout is { } connect) cluster.ConnectTimeout = Duration.FromTimeSpan(connect);
        if (policy.LoadBalancing is { } lb) cluster.LbPolicy = Policy(lb);
        if (policy.Outlier is { } outlier) Apply(cluster.OutlierDetection ??= new OutlierDetection(), outlier);
    }

    private static Cluster.Types.LbPolicy Policy(LoadBalancing lb) => lb switch
    {
        LoadBalancing.RoundRobin => Cluster.Types.LbPolicy.RoundRobin,
        LoadBalancing.LeastRequest => Cluster.Types.LbPolicy.LeastRequest,
        LoadBalancing.Random => Cluster.Types.LbPolicy.Random,
        LoadBalancing.RingHash => Cluster.Types.LbPolicy.RingHash,
        LoadBalancing.Maglev => Cluster.Types.LbPolicy.Maglev,
        _ => throw new ArgumentOutOfRangeException(nameof(lb), lb, "a load-balancing policy without an Envoy counterpart"),
    };

    private static void Apply(OutlierDetection detection, Ir.OutlierDetection outlier)
    {
        if (outlier.LocalOriginFailures is { } local)
        {
            detection.SplitExternalLocalOriginErrors = true;
            detection.ConsecutiveLocalOriginFailure = (uint)local;
        }
        if (outlier.Consecutive5xx is { } c5xx) detection.Consecutive5Xx = (uint)c5xx;
        if (outlier.GatewayFailures is { } gateway) detection.ConsecutiveGatewayFailure = (uint)gateway;
        if (outlier.Interval is { } interval) detection.Interval = Duration.FromTimeSpan(interval);
        if (outlier.BaseEjectionTime is { } ejection) detection.BaseEjectionTime = Duration.FromTimeSpan(ejection);
        if (outlier.MaxEjectionPercent is { } max) detection.MaxEjectionPercent = (uint)max;
    }
}

using Envoy.Config.Cluster.V3;

namespace Meshc.Runtime.Model;

/// <summary>A cluster's consecutive-failure outlier detection with Envoy's defaults (envoy-semantics.md §1.9).</summary>
public sealed record OutlierSettings(
    uint Consecutive5xx,
    uint EnforcingConsecutive5xx,
    uint ConsecutiveGatewayFailure,
    uint EnforcingConsecutiveGatewayFailure,
    uint ConsecutiveLocalOriginFailure,
    uint EnforcingConsecutiveLocalOriginFailure,
    bool SplitExternalLocalOriginErrors,
    TimeSpan Interval,
    TimeSpan BaseEjectionTime,
    TimeSpan MaxEjectionTime,
    uint MaxEjectionPercent,
    bool AlwaysEjectOneHost)
{
    public static OutlierSettings? From(OutlierDetection? o)
    {
        if (o is null) return null;
        var baseTime = o.BaseEjectionTime?.ToTimeSpan() ?? TimeSpan.FromSeconds(30);
        var maxTime = o.MaxEjectionTime?.ToTimeSpan() ?? (baseTime > TimeSpan.FromSeconds(300) ? baseTime : TimeSpan.FromSeconds(300));
        return new(
            o.Consecutive5Xx ?? 5, o.EnforcingConsecutive5Xx ?? 100,
            o.ConsecutiveGatewayFailure ?? 5, o.EnforcingConsecutiveGatewayFailure ?? 0,
            o.ConsecutiveLocalOriginFailure ?? 5, o.EnforcingConsecutiveLocalOriginFailure ?? 100,
            o.SplitExternalLocalOriginErrors,
            o.Interval?.ToTimeSpan() ?? TimeSpan.FromSeconds(10), baseTime, maxTime,
            o.MaxEjectionPercent ?? 10, o.AlwaysEjectOneHost ?? false);
    }
}

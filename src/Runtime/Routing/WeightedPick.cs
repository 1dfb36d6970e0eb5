using Envoy.Config.Route.V3;

namespace Meshc.Runtime.Routing;

/// <summary>Envoy's weighted cluster choice: <c>random % total</c> walked over the weights in order (a zero weight is never picked).</summary>
public static class WeightedPick
{
    public static WeightedCluster.Types.ClusterWeight? Pick(WeightedCluster weighted, ulong random)
    {
        ulong total = 0;
        foreach (var c in weighted.Clusters) total += c.Weight ?? 0;
        if (total == 0) return null;
        var selected = random % total;
        ulong end = 0;
        foreach (var c in weighted.Clusters)
        {
            end += c.Weight ?? 0;
            if (selected < end) return c;
        }
        return null;
    }
}

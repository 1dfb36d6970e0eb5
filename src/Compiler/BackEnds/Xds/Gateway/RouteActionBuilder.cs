using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Envoy.Type.V3;
using Google.Protobuf.WellKnownTypes;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>Builds the forwarding action of a rule that has backends: clusters, rewrite, mirrors, timeout and retry.</summary>
internal static class RouteActionBuilder
{
    /// <summary>
    /// The weighted cluster that stands for the backendRefs of a rule that did not resolve. No resource defines it, so
    /// Envoy answers <c>cluster_not_found_response_code</c>, 500, for their share of the weight, as the Gateway API asks.
    /// Clusters of Services are named <c>namespace:name:port</c>, so this name (without ':') meets none of them.
    /// </summary>
    public const string UnresolvedBackends = "unresolved-backends";

    /// <summary>True when the rule forwards to one cluster (one resolved backend and no unresolved share).</summary>
    public static bool SingleCluster(BoundRule rule) => rule.Backends.Count == 1 && rule.UnresolvedWeight == 0;

    /// <summary>
    /// One backend gives <c>cluster</c>; several give <c>weighted_clusters</c> in rule order, each with its weight
    /// (a weight of 0 is kept: that backend gets no traffic) and its own backendRef header filters, followed by the
    /// unresolved backends' share, which answers 500.
    /// </summary>
    public static RouteAction Build(RouteSource source)
    {
        var rule = source.Rule;
        var action = new RouteAction();
        if (SingleCluster(rule))
        {
            action.Cluster = rule.Backends[0].Target.ClusterName;
        }
        else
        {
            action.WeightedClusters = new WeightedCluster();
            action.WeightedClusters.Clusters.Add(rule.Backends.Select(ClusterWeight));
            if (rule.UnresolvedWeight > 0)
            {
                action.WeightedClusters.Clusters.Add(new WeightedCluster.Types.ClusterWeight
                {
                    Name = UnresolvedBackends,
                    Weight = (uint)Math.Min(rule.UnresolvedWeight, uint.MaxValue),
                });
                action.ClusterNotFoundResponseCode = RouteAction.Types.ClusterNotFoundResponseCode.InternalServerError;
            }
        }
        if (RuleFilters.Of(rule.Rule.Filters).Rewrite is { } rewrite)
        {
            RewriteBuilder.Apply(action, rewrite, MatchedPrefix(source.Match));
        }
        action.RequestMirrorPolicies.Add(rule.Mirrors.Select(Mirror));
        SetTimeout(action, rule.Rule.Timeouts);
        if (rule.Rule.Retry is { } retry) action.RetryPolicy = RetryPolicyBuilder.Build(retry);
        return action;
    }

    private static WeightedCluster.Types.ClusterWeight ClusterWeight(BoundBackend backend)
    {
        var cluster = new WeightedCluster.Types.ClusterWeight
        {
            Name = backend.Target.ClusterName,
            Weight = (uint)Math.Clamp(backend.Weight, 0, uint.MaxValue),
        };
        // Unlike Cilium, which keys backend filters by cluster and keeps only the last filter per backend, every
        // request and response header filter of this backendRef applies.
        HeaderEdits.From(backend.Ref.Filters).ApplyTo(cluster);
        return cluster;
    }

    // The prefix a ReplacePrefixMatch cuts off. A match without a path is the API server's default, PathPrefix "/".
    private static string MatchedPrefix(Ir.RouteMatch? match) => match?.Path switch
    {
        null => "/",
        { Kind: PathMatchKind.Prefix } prefix => prefix.Value,
        _ => "",
    };

    private static RouteAction.Types.RequestMirrorPolicy Mirror(BoundMirror mirror)
    {
        var denominator = mirror.Filter.Denominator > 0 ? mirror.Filter.Denominator : 100;
        // Normalised to a percentage with integer division, as Cilium does (1/3 becomes 33%).
        var percent = (long)Math.Max(mirror.Filter.Numerator, 0) * 100 / denominator;
        return new RouteAction.Types.RequestMirrorPolicy
        {
            Cluster = mirror.Target.ClusterName,
            RuntimeFraction = new RuntimeFractionalPercent
            {
                DefaultValue = new FractionalPercent
                {
                    Numerator = (uint)Math.Min(percent, uint.MaxValue),
                    Denominator = FractionalPercent.Types.DenominatorType.Hundred,
                },
            },
        };
    }

    /// <summary>
    /// No timeouts: <c>max_stream_duration: 0s</c> (no limit). Otherwise <c>timeout</c> is the smaller of request and
    /// backendRequest, as in Cilium, except that a zero ("no timeout") never wins over a real one.
    /// </summary>
    private static void SetTimeout(RouteAction action, RouteTimeouts? timeouts)
    {
        TimeSpan?[] given = [timeouts?.Request, timeouts?.BackendRequest];
        var set = given.Where(t => t.HasValue).Select(t => t!.Value).ToList();
        if (set.Count == 0)
        {
            action.MaxStreamDuration = new RouteAction.Types.MaxStreamDuration { MaxStreamDuration_ = Duration.FromTimeSpan(TimeSpan.Zero) };
            return;
        }
        var limits = set.Where(t => t > TimeSpan.Zero).ToList();
        action.Timeout = Duration.FromTimeSpan(limits.Count > 0 ? limits.Min() : TimeSpan.Zero);
    }
}

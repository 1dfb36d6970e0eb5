namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>
/// Deprecated Envoy fields that Envoy accepts but no longer reads. meshc warns about them (MC0140) and leaves them
/// out of the bundle, so a stock Envoy neither logs the deprecation nor, once the deprecation turns fatal by
/// default, rejects the whole resource for a value it would ignore anyway.
/// </summary>
internal static class IgnoredDeprecatedFields
{
    // WeightedCluster.total_weight: deprecated in Envoy 1.24 (envoyproxy/envoy#23170). Since then Envoy uses the sum
    // of the cluster weights and only logs "Using deprecated option ...total_weight"; management servers (Envoy
    // Gateway #664, Istio #43203, Consul #20011) stopped sending it. Users still copy it from older examples (the
    // bookstore canary does), and what they mean is exactly what Envoy does: split by the listed weights. Rejecting
    // it would refuse a config Envoy loads, keeping it would ship a deprecated field, so it is accepted with a
    // warning and dropped.
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "envoy.config.route.v3.WeightedCluster.total_weight",
    };

    /// <summary>True when Envoy ignores the field (full proto name <c>package.Message.field</c>).</summary>
    public static bool Contains(string fullFieldName) => Fields.Contains(fullFieldName);
}

namespace Meshc.Compiler.Text.Yaml;

/// <summary>
/// The bounds every YAML text meshc reads is held to (docs/runtime.md, "Limits and hardening"). Each is checked on the
/// parser's event stream, before a node is built, so no input can make the tree deeper or larger than these.
/// </summary>
public static class YamlLimits
{
    /// <summary>
    /// Mappings and sequences nested in one document. Kubernetes objects need a few dozen; Envoy refuses JSON nested
    /// deeper than 100 (protobuf's recursion limit), and a CiliumEnvoyConfig resource starts three levels down.
    /// </summary>
    public const int MaxDepth = 128;

    /// <summary>Characters of scalar text one document may expand to through aliases (each alias counts its anchor's text again).</summary>
    public const long MaxExpandedChars = 16L * 1024 * 1024;

    // The Kubernetes API server reads YAML with go-yaml's alias rule, kept here with its numbers: past 100 aliased
    // nodes and 1,000 nodes in all, the share of nodes that come from alias expansion may be 99% up to 400,000 nodes,
    // falling linearly to 10% at 4,000,000.
    private const long AliasRatioRangeLow = 400_000;
    private const long AliasRatioRangeHigh = 4_000_000;

    /// <summary>True when <paramref name="aliased"/> of <paramref name="total"/> decoded nodes came from aliases, more than the rule allows.</summary>
    public static bool ExcessiveAliasing(long aliased, long total) =>
        aliased > 100 && total > 1000 && (double)aliased / total > AllowedAliasRatio(total);

    private static double AllowedAliasRatio(long total) => total switch
    {
        <= AliasRatioRangeLow => 0.99,
        >= AliasRatioRangeHigh => 0.10,
        _ => 0.99 - 0.89 * ((double)(total - AliasRatioRangeLow) / (AliasRatioRangeHigh - AliasRatioRangeLow)),
    };
}

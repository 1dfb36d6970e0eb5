using Envoy.Config.Route.V3;
using Envoy.Type.V3;

namespace Meshc.Runtime.Routing;

/// <summary>
/// One <c>request_mirror_policies</c> entry (envoy-semantics.md §1.14): the shadow cluster (or the header naming it), the
/// share of requests mirrored (<c>runtime_fraction</c> default value; absent = all) and whether the Host keeps its name.
/// </summary>
public sealed record MirrorSpec(string Cluster, string ClusterHeader, uint Numerator, uint Denominator, bool KeepHost)
{
    public static MirrorSpec From(RouteAction.Types.RequestMirrorPolicy p, bool hostRewritten)
    {
        var fraction = p.RuntimeFraction?.DefaultValue;
        var denominator = fraction?.Denominator switch
        {
            FractionalPercent.Types.DenominatorType.TenThousand => 10_000u,
            FractionalPercent.Types.DenominatorType.Million => 1_000_000u,
            _ => 100u,
        };
        // No runtime_fraction mirrors every request.
        var numerator = fraction is null ? denominator : fraction.Numerator;
        // A literal host rewrite implies disable_shadow_host_suffix_append.
        return new(p.Cluster, p.ClusterHeader, numerator, denominator, p.DisableShadowHostSuffixAppend || hostRewritten);
    }

    /// <summary>Envoy's fractional percent check: <c>random % denominator &lt; numerator</c>.</summary>
    public bool Fires(ulong random) => random % Denominator < Numerator;

    /// <summary>The cluster to shadow to: the literal one, or the first value of <see cref="ClusterHeader"/> (none when absent).</summary>
    public string? ClusterFor(Func<string, string?> header) =>
        Cluster.Length > 0 ? Cluster : header(ClusterHeader)?.Split(',')[0].Trim() is { Length: > 0 } c ? c : null;

    /// <summary>Envoy's shadow authority: <c>-shadow</c> after the host name, before a port (<c>a:8080</c> → <c>a-shadow:8080</c>).</summary>
    public string ShadowHost(string host)
    {
        if (KeepHost || host.Length == 0) return host;
        var colon = host.LastIndexOf(':');
        // A bracketed IPv6 literal's colons are not a port separator.
        var hasPort = colon > 0 && host.IndexOf(':') == colon || (host.StartsWith('[') && colon > host.IndexOf(']'));
        return hasPort ? host[..colon] + "-shadow" + host[colon..] : host + "-shadow";
    }
}

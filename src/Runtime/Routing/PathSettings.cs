namespace Meshc.Runtime.Routing;

/// <summary>
/// The connection manager's <c>path_with_escaped_slashes_action</c> for <c>%2F</c>, <c>%2f</c>, <c>%5C</c> and <c>%5c</c>
/// in the path. <c>IMPLEMENTATION_SPECIFIC_DEFAULT</c> is Envoy's <see cref="KeepUnchanged"/>.
/// </summary>
public enum EscapedSlashesAction
{
    KeepUnchanged,
    RejectRequest,
    UnescapeAndRedirect,
    UnescapeAndForward,
}

/// <summary>
/// How a listener's connection manager treats the request path before filters and routing see it: Envoy's
/// <c>normalize_path</c>, <c>merge_slashes</c> and <c>path_with_escaped_slashes_action</c>. The path it leaves is the
/// one routing matches and the one forwarded upstream.
/// </summary>
public sealed record PathSettings(bool NormalizePath, bool MergeSlashes, EscapedSlashesAction EscapedSlashes)
{
    /// <summary>All three unset, as on Cilium's Gateway and CiliumEnvoyConfig listeners: the raw path, unchanged.</summary>
    public static PathSettings EnvoyDefault { get; } = new(false, false, EscapedSlashesAction.KeepUnchanged);

    /// <summary>
    /// Cilium's own L7-policy listener, the proxy a pod's L7 ingress or egress policy redirects to: it sets all three
    /// (agent flag <c>http-normalize-path</c>, default true), so its HTTP rules never see a dot segment or a double slash.
    /// </summary>
    public static PathSettings CiliumPolicyListener { get; } = new(true, true, EscapedSlashesAction.UnescapeAndRedirect);
}

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
}

using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// How the listener of a Service's mesh routes treats the request path before routing, and so what is forwarded:
/// Envoy's connection-manager fields <c>normalize_path</c>, <c>merge_slashes</c> and
/// <c>path_with_escaped_slashes_action</c>. Unset (false, null), Envoy leaves the path as sent, as on every listener
/// Cilium builds. Only a route attached to Services has it: a Gateway's connection manager is shared by all its
/// listeners and the Gateway API has no field for it. Written as <see cref="MeshAnnotations.Paths"/> in YAML, as
/// <c>paths</c> in the DSL.
/// </summary>
public sealed record PathHandling(bool Normalize, bool MergeSlashes, EscapedSlashes? EscapedSlashes, SourceLocation Origin) : IHasOrigin;

/// <summary>Envoy's <c>path_with_escaped_slashes_action</c> values (other than its implementation default).</summary>
public enum EscapedSlashes { KeepUnchanged, RejectRequest, UnescapeAndRedirect, UnescapeAndForward }

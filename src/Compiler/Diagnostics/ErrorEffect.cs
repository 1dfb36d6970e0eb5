namespace Meshc.Compiler.Diagnostics;

/// <summary>
/// What an error does to the bundle, written per code in the catalog. Every error fails the compilation (exit code 1);
/// the effect decides whether the bundle is still written.
/// </summary>
public enum ErrorEffect
{
    /// <summary>Not an error (info, warning).</summary>
    None,

    /// <summary>An error whose catalog line names no effect: treated as blocking, and a catalog test fails on it.</summary>
    Unclassified,

    /// <summary>
    /// Input that cannot be read or cannot exist in a cluster (syntax, schema and CRD validation rules, unknown fields,
    /// Envoy-type errors in a CiliumEnvoyConfig, I/O), or output that is impossible (Envoy would refuse it, a target
    /// limit): no bundle.
    /// </summary>
    Blocking,

    /// <summary>
    /// A Gateway API finding a controller reports in status: the bundle is still written, with what the finding names
    /// left out or answering 500, as Cilium's operator programs it.
    /// </summary>
    Fallback,
}

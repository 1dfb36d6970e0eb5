using Google.Protobuf.WellKnownTypes;
using EnvoyRetryPolicy = Envoy.Config.Route.V3.RetryPolicy;
using IrRetryPolicy = Meshc.Compiler.Ir.RetryPolicy;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>Builds the retry policy of a rule's <c>retry</c> stanza (GEP-1731).</summary>
internal static class RetryPolicyBuilder
{
    /// <summary>
    /// Cilium main sets no <c>retry_on</c>, so Envoy never retries on the listed codes (cilium.md §7). As newer Cilium
    /// does, <c>retriable-status-codes</c> turns the codes on, and connection failures, resets and refused streams are
    /// retried too, as GEP-1731 asks of any configured retry.
    /// </summary>
    public const string RetryOn = "retriable-status-codes,connect-failure,reset,refused-stream";

    /// <summary>
    /// Codes to retry, the number of retries, and the backoff base and cap; the retry extras of
    /// <see cref="Ir.MeshAnnotations"/> add Envoy conditions to <c>retry_on</c> (after the ones above, each once) and a
    /// per-try timeout.
    /// </summary>
    public static EnvoyRetryPolicy Build(IrRetryPolicy retry)
    {
        var on = RetryOn.Split(',').ToList();
        on.AddRange(retry.Conditions.Where(c => !on.Contains(c)).Distinct());
        var policy = new EnvoyRetryPolicy { RetryOn = string.Join(",", on) };
        if (retry.PerTryTimeout is { } perTry) policy.PerTryTimeout = Duration.FromTimeSpan(perTry);
        policy.RetriableStatusCodes.Add(retry.Codes.Where(c => c > 0).Select(c => (uint)c));
        // Unset attempts leave num_retries unset: Envoy then retries once.
        if (retry.Attempts is { } attempts) policy.NumRetries = (uint)Math.Max(attempts, 0);
        if (retry.Backoff is { } backoff && backoff > TimeSpan.Zero)
        {
            // Envoy's default cap is 10× the base interval; Cilium caps it at 2× to keep retries close together.
            policy.RetryBackOff = new EnvoyRetryPolicy.Types.RetryBackOff
            {
                BaseInterval = Duration.FromTimeSpan(backoff),
                MaxInterval = Duration.FromTimeSpan(backoff * 2),
            };
        }
        return policy;
    }
}

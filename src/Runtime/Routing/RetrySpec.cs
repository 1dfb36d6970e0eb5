using Envoy.Config.Route.V3;

namespace Meshc.Runtime.Routing;

/// <summary>A route's retry policy reduced to what the proxy acts on (envoy-semantics.md §1.7).</summary>
public sealed record RetrySpec(
    IReadOnlySet<string> RetryOn,
    int NumRetries,
    TimeSpan? PerTryTimeout,
    TimeSpan BaseInterval,
    TimeSpan MaxInterval,
    IReadOnlySet<int> RetriableStatusCodes)
{
    public static RetrySpec? From(RetryPolicy? p)
    {
        if (p is null) return null;
        var on = p.RetryOn.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var baseInterval = p.RetryBackOff?.BaseInterval?.ToTimeSpan() ?? TimeSpan.FromMilliseconds(25);
        if (baseInterval < TimeSpan.FromMilliseconds(1)) baseInterval = TimeSpan.FromMilliseconds(1);
        var max = p.RetryBackOff?.MaxInterval?.ToTimeSpan() ?? baseInterval * 10;
        if (max < baseInterval) max = baseInterval;
        TimeSpan? perTry = p.PerTryTimeout is { } t && t.ToTimeSpan() > TimeSpan.Zero ? t.ToTimeSpan() : null;
        return new(on, (int)(p.NumRetries ?? 1), perTry, baseInterval, max, p.RetriableStatusCodes.Select(c => (int)c).ToHashSet());
    }

    /// <summary>Whether an upstream response status is retried under this policy.</summary>
    public bool RetriesStatus(int status) =>
        (RetryOn.Contains("5xx") && status >= 500)
        || (RetryOn.Contains("gateway-error") && status is 502 or 503 or 504)
        || (RetryOn.Contains("retriable-4xx") && status == 409)
        || (RetryOn.Contains("retriable-status-codes") && RetriableStatusCodes.Contains(status));

    /// <summary>Whether a connect failure or reset (no response) is retried.</summary>
    public bool RetriesReset(bool connectFailure) =>
        RetryOn.Contains("5xx") || RetryOn.Contains("gateway-error") || RetryOn.Contains("reset")
        || (connectFailure && RetryOn.Contains("connect-failure"));

    /// <summary>Per-try timeouts are retried only under 5xx or gateway-error, never under reset alone.</summary>
    public bool RetriesPerTryTimeout => RetryOn.Contains("5xx") || RetryOn.Contains("gateway-error");
}

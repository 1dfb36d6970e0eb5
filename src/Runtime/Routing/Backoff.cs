namespace Meshc.Runtime.Routing;

/// <summary>
/// Envoy's jittered exponential backoff as its source computes it (not as its docs say): each call returns
/// <c>random % current</c>, then doubles current up to the maximum.
/// </summary>
public sealed class Backoff(TimeSpan baseInterval, TimeSpan maxInterval, Func<ulong> random)
{
    private ulong _next = (ulong)baseInterval.TotalMilliseconds;
    private readonly ulong _max = (ulong)maxInterval.TotalMilliseconds;

    public TimeSpan NextDelay()
    {
        var current = _next;
        _next = _next < _max / 2 ? _next * 2 : _max;
        return TimeSpan.FromMilliseconds(random() % Math.Max(current, 1));
    }
}

namespace Meshc.Runtime.Proxy;

/// <summary>One upstream host's live state: requests in flight, consecutive failure counters and ejection.</summary>
public sealed class HostState
{
    public int Active;
    public uint Consecutive5xx;
    public uint ConsecutiveGatewayFailure;
    public uint ConsecutiveLocalOriginFailure;
    public uint EjectTimeBackoff;
    public DateTimeOffset? EjectedAt;
    public DateTimeOffset UnejectAt;

    public bool Ejected => EjectedAt is not null;

    public void ResetCounters()
    {
        Consecutive5xx = 0;
        ConsecutiveGatewayFailure = 0;
        ConsecutiveLocalOriginFailure = 0;
    }
}

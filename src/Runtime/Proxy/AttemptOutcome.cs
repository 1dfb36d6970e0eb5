using Meshc.Runtime.Routing;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// How one upstream attempt ended. <see cref="OutcomeKind.ProtocolError"/>: the upstream's response broke Envoy's
/// codec limits (header bytes or count). <see cref="OutcomeKind.Downstream"/>: the client failed it (a malformed body,
/// a disconnect), which says nothing about the upstream host.
/// </summary>
public enum OutcomeKind { Done, Status, ConnectFailure, Reset, ProtocolError, PerTryTimeout, RouteTimeout, Downstream }

/// <summary>The result of one attempt, and whether a retry policy would retry it.</summary>
public readonly record struct AttemptOutcome(OutcomeKind Kind, int Code)
{
    public static AttemptOutcome Done => new(OutcomeKind.Done, 0);
    public static AttemptOutcome ConnectFailure => new(OutcomeKind.ConnectFailure, 0);
    public static AttemptOutcome Reset => new(OutcomeKind.Reset, 0);
    public static AttemptOutcome PerTryTimeout => new(OutcomeKind.PerTryTimeout, 0);
    public static AttemptOutcome RouteTimeout => new(OutcomeKind.RouteTimeout, 0);
    public static AttemptOutcome Downstream => new(OutcomeKind.Downstream, 0);
    public static AttemptOutcome ProtocolError => new(OutcomeKind.ProtocolError, 0);

    public static AttemptOutcome Status(int code) => new(OutcomeKind.Status, code);

    /// <summary>The response (or error) has been written downstream: nothing left to do.</summary>
    public bool Final => Kind == OutcomeKind.Done;

    /// <summary>A route timeout covers all attempts and is never retried.</summary>
    public bool Retriable(RetrySpec retry) => Kind switch
    {
        OutcomeKind.Status => retry.RetriesStatus(Code),
        OutcomeKind.ConnectFailure => retry.RetriesReset(connectFailure: true),
        OutcomeKind.Reset or OutcomeKind.ProtocolError => retry.RetriesReset(connectFailure: false),
        OutcomeKind.PerTryTimeout => retry.RetriesPerTryTimeout,
        _ => false,
    };
}

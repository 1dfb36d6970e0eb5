using Meshc.Server.Resources;

namespace Meshc.Server.Protocol;

/// <summary>A NACK: the response the client refused and why (its error_detail).</summary>
public sealed record NackRecord(string Nonce, string RejectedVersion, string KeptVersion, int Code, string Message, DateTimeOffset At);

/// <summary>
/// One type on one stream: what was asked for, what was sent last (its version, nonce and resources), what the client
/// acknowledged, and its last NACK. A NACK leaves the acknowledged version where it was: the client keeps using it,
/// and the server sends nothing new for the type until the resources or the subscription change.
/// </summary>
public sealed class TypeState(string typeUrl)
{
    public string TypeUrl { get; } = typeUrl;

    public Subscription Subscription { get; } = new();

    /// <summary>False until the client's first request for the type.</summary>
    public bool Requested { get; set; }

    /// <summary>The version of the last response (state of the world: its resources; incremental: everything subscribed).</summary>
    public string? SentVersion { get; set; }

    /// <summary>The nonce of the last response: the only one an ACK or NACK may name (older ones are stale).</summary>
    public string? Nonce { get; set; }

    /// <summary>The resources of the last state-of-the-world response (a push keeps what it removes until last).</summary>
    public IReadOnlyList<XdsResource> Sent { get; set; } = [];

    /// <summary>Incremental: the version of each resource the client has; empty for one it was told does not exist.</summary>
    public Dictionary<string, string>? Known { get; set; }

    /// <summary>Incremental: the version each unacknowledged nonce carried (several may be in flight).</summary>
    public Dictionary<string, string>? Pending { get; set; }

    public string? AckedVersion { get; set; }

    public NackRecord? LastNack { get; set; }

    /// <summary>True when the last answer to a response was a NACK (a later ACK clears it, the record stays).</summary>
    public bool Rejecting { get; set; }

    public int Responses { get; set; }
}

using System.Buffers.Binary;
using System.Net;
using Meshc.PolicyEngine;

namespace Meshc.Runtime.Enforcement;

/// <summary>What the runtime does with a downstream connection or request.</summary>
public enum PolicyAction
{
    Allow,
    /// <summary>L3/L4 drop (no entry, or a deny entry): the connection is closed without a response.</summary>
    DropL3L4,
    /// <summary>The L7 rules match nothing: 403 "Access denied".</summary>
    DenyL7,
}

/// <summary>A decision, the source identity it was made for and the rule behind it.</summary>
public sealed record PolicyDecision(PolicyAction Action, uint SourceIdentity, string Rule)
{
    /// <summary>
    /// Decides traffic from <paramref name="remote"/> arriving on <paramref name="listener"/>: the source identity is
    /// the ipcache's (longest prefix; world when unknown); the destinations are the endpoints of the Services the
    /// listener serves, decided with the engine <c>meshc trace</c> uses (<see cref="ServiceFlow"/>). Allowed when one
    /// destination endpoint admits it. A listener that serves no Service endpoints (a Gateway's) is the proxy itself,
    /// reserved:ingress, which no compiled policy selects: allowed.
    /// </summary>
    public static PolicyDecision Decide(EnforcementState state, string? listener, IPAddress? remote, HttpRequestInfo? http)
    {
        var identity = IdentityOf(state.Bundle, remote);
        if (listener is null || !state.Frontends.TryGetValue(listener, out var frontends) || frontends.All(f => f.Endpoints.Count == 0))
            return new PolicyDecision(PolicyAction.Allow, identity, "(destination is the proxy: reserved:ingress, no policy)");
        var source = ServiceFlow.EndpointOf(state.Bundle, identity);
        var verdicts = frontends.SelectMany(f => ServiceFlow.Evaluate(state.Bundle, identity, source, f, http)).ToList();
        if (verdicts.FirstOrDefault(v => v.Verdict.Allowed) is { } allowed) return new PolicyDecision(PolicyAction.Allow, identity, allowed.Verdict.DecidingRule);
        if (verdicts.Count == 0) return new PolicyDecision(PolicyAction.DropL3L4, identity, "no destination endpoint");
        var l7 = verdicts.FirstOrDefault(v => v.Verdict.Reason == "L7 403 Access denied");
        return l7 is not null
            ? new PolicyDecision(PolicyAction.DenyL7, identity, l7.Verdict.DecidingRule)
            : new PolicyDecision(PolicyAction.DropL3L4, identity, verdicts[0].Verdict.DecidingRule);
    }

    /// <summary>The ipcache identity of an IPv4 (or v4-mapped) address; world (2) for anything else.</summary>
    public static uint IdentityOf(PolicyBundle bundle, IPAddress? remote)
    {
        if (remote is null) return 2;
        if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
        return remote.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? bundle.ResolveIdentity(BinaryPrimitives.ReadUInt32BigEndian(remote.GetAddressBytes()))
            : 2;
    }
}

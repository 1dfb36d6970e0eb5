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
        return Aggregate(state, identity, ServiceFlow.EndpointOf(state.Bundle, identity), frontends, http);
    }

    /// <summary>
    /// Decides the upstream hop of a Gateway listener's request to the cluster <paramref name="edsService"/>: in Cilium
    /// the Gateway's proxy connects to the backends as reserved:ingress (8), so each backend endpoint's ingress policy
    /// is checked with remote identity 8 on the backend port the Service port translates to (the cluster's EDS name
    /// <c>ns/svc:port</c> names the Service port). Listeners that serve Service endpoints (CiliumEnvoyConfig) were
    /// decided with the client's identity already: allowed here.
    /// </summary>
    public static PolicyDecision DecideUpstream(EnforcementState state, string? listener, string? edsService, HttpRequestInfo http)
    {
        const uint Ingress = 8;
        if (listener is null || !state.Frontends.TryGetValue(listener, out var own) || own.Any(f => f.Endpoints.Count > 0) || edsService is null)
            return new PolicyDecision(PolicyAction.Allow, Ingress, "(not a Gateway hop)");
        var colon = edsService.LastIndexOf(':');
        var (service, port) = colon > 0 && int.TryParse(edsService[(colon + 1)..], out var p) ? (edsService[..colon], p) : (edsService, -1);
        var backends = state.Bundle.Frontends.Where(f => f.Service == service && (port < 0 || f.Port == port) && f.Endpoints.Count > 0).ToList();
        return backends.Count == 0
            ? new PolicyDecision(PolicyAction.Allow, Ingress, "(backend is no Service of the bundle)")
            : Aggregate(state, Ingress, source: null, backends, http);
    }

    private static PolicyDecision Aggregate(EnforcementState state, uint identity, PolicyEndpoint? source, IReadOnlyList<ServiceFrontend> frontends, HttpRequestInfo? http)
    {
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

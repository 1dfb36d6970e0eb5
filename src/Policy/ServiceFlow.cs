namespace Meshc.PolicyEngine;

/// <summary>The verdict on a flow to one destination endpoint of a Service.</summary>
public sealed record EndpointVerdict(PolicyEndpoint Destination, FlowVerdict Verdict);

/// <summary>
/// Decides a flow to a Service frontend as Cilium does, shared by <c>meshc trace</c> and the runtime's enforcement:
/// the destinations are the endpoints the Service selects. When a listener claims the frontend (L7 load balancer),
/// the datapath skips the source's egress policy and redirects to the proxy, which enforces that egress policy itself
/// (<c>enforce_policy_on_l7lb</c>); its upstream connection keeps the client's identity, so each backend's ingress
/// policy sees the original source identity. Either way both directions are checked, as <see cref="PolicyFlow"/> does,
/// on the frontend's <b>target</b> port: Cilium looks policy up after service translation (the proxy, on the port of
/// the backend it selected), so a rule must name the port the pods serve, not the Service port.
/// </summary>
public static class ServiceFlow
{
    public static IReadOnlyList<EndpointVerdict> Evaluate(PolicyBundle bundle, uint sourceIdentity, PolicyEndpoint? source,
        ServiceFrontend frontend, HttpRequestInfo? http)
    {
        var protocol = (byte)frontend.Protocol;
        return [.. bundle.Endpoints.Where(e => frontend.Endpoints.Contains(e.Id))
            .Select(d => new EndpointVerdict(d, PolicyFlow.Evaluate(bundle, source, sourceIdentity, d, protocol, (ushort)frontend.TargetPort, http)))];
    }

    /// <summary>The endpoint that owns <paramref name="identity"/>, if one does (pods of a workload share one identity).</summary>
    public static PolicyEndpoint? EndpointOf(PolicyBundle bundle, uint identity) => bundle.Endpoints.FirstOrDefault(e => e.Identity == identity);
}

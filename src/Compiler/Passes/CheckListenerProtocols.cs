using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Works out each listener's supported route kinds. HTTP and HTTPS carry HTTPRoute and GRPCRoute; TLS, TCP, UDP and
/// unknown protocols are not compiled (a warning, Accepted=False UnsupportedProtocol). Kinds in
/// <c>allowedRoutes.kinds</c> that the protocol cannot carry give ResolvedRefs=False InvalidRouteKinds, and a
/// listener left with no kind at all is not accepted.
/// </summary>
internal sealed class CheckListenerProtocols : IPass
{
    public void Run(PassContext context)
    {
        foreach (var gateway in context.Gateways.All)
        foreach (var facts in gateway.Listeners)
        {
            var listener = facts.Listener;
            var protocolKinds = RouteKinds.ForProtocol(listener.Protocol);
            if (protocolKinds.Count == 0)
            {
                context.Diagnostics.ReportUnsupportedListenerProtocol(listener.Origin, listener.Name, listener.ProtocolText);
                facts.Reject(new Problem(ConditionReason.UnsupportedProtocol, $"protocol {listener.ProtocolText} is not supported"));
                continue;
            }
            var requested = listener.AllowedRoutes.Kinds;
            if (requested.IsEmpty)
            {
                facts.SupportedKinds.AddRange(protocolKinds);
                continue;
            }
            foreach (var kind in requested.Distinct())
            {
                if (protocolKinds.Contains(kind))
                {
                    facts.SupportedKinds.Add(kind);
                    continue;
                }
                context.Diagnostics.ReportUnsupportedAllowedKind(listener.AllowedRoutes.Origin, listener.Name, Describe(kind));
                facts.FailRefs(new Problem(ConditionReason.InvalidRouteKinds, $"route kind {Describe(kind)} is not supported"));
            }
            if (facts.SupportedKinds.Count == 0)
                facts.Reject(new Problem(ConditionReason.InvalidRouteKinds, "none of the allowed route kinds is supported"));
        }
    }

    private static string Describe(RouteGroupKind kind) =>
        kind.Group == RouteGroupKind.GatewayGroup ? kind.Kind : $"{kind.Group}/{kind.Kind}";
}

using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Attaches routes to listeners, once per (route, parentRef). The Gateway must exist (else NoMatchingParent — the
/// spec's reason; Cilium says Invalid&lt;Kind&gt;), sectionName and port must name listeners, and of those the route
/// attaches to every one whose kinds, namespaces and hostname admit it. Each refusal is one diagnostic and one
/// Accepted=False reason. A route with invalid values attaches nowhere. Refs to Gateways of other controllers are
/// not ours to judge. Service parents (GAMMA) are bound by <see cref="ServiceParentAdmission"/>; other kinds of
/// parent are not supported.
/// </summary>
internal sealed class ResolveParentRefs : IPass
{
    public void Run(PassContext context)
    {
        foreach (var facts in context.Routes.All)
        foreach (var parent in facts.Route.ParentRefs)
        {
            if (parent.IsService)
            {
                facts.Parents.Add(new ParentOutcome(parent, ServiceParentAdmission.Attach(context, facts, parent)));
                continue;
            }
            if (!parent.IsGateway)
            {
                var kind = parent.Group is "" or RouteGroupKind.GatewayGroup ? parent.Kind : $"{parent.Group}/{parent.Kind}";
                context.Diagnostics.ReportUnsupportedParentKind(parent.Origin, kind);
                continue;
            }
            var ns = parent.Namespace ?? facts.Route.Meta.Namespace;
            if (context.Index.FindGateway(ns, parent.Name) is not { } gateway)
            {
                var hint = Spelling.DidYouMean(parent.Name, context.Index.GatewayNames(ns));
                var d = context.Diagnostics.ReportParentGatewayNotFound(parent.Origin, $"{ns}/{parent.Name}", hint);
                facts.Parents.Add(new ParentOutcome(parent, new Problem(ConditionReason.NoMatchingParent, d.Message)));
                continue;
            }
            if (context.Gateways.Find(gateway.Key) is not { } ours) continue;
            facts.Parents.Add(new ParentOutcome(parent, Attach(context, facts, parent, ours)));
        }
    }

    private static Problem? Attach(PassContext context, RouteFacts facts, ParentRef parent, GatewayFacts gateway)
    {
        var admitted = ListenerAdmission.Admit(context, facts.Route, parent, gateway, out var refusal);
        if (refusal is not null) return refusal;
        if (facts.Rejection is { } rejection) return rejection;
        foreach (var listener in admitted)
        {
            context.Attachments.Attach(gateway.Gateway.Key, listener.Listener.Name, facts.Route);
            if (!listener.Valid) continue;
            var others = gateway.Listeners
                .Where(o => o != listener && o.Valid && o.Listener.Port == listener.Listener.Port)
                .Select(o => o.Listener.Hostname)
                .ToList();
            var served = HostnameMatching.ComputeHosts(facts.Route.Hostnames, listener.Listener.Hostname, others);
            if (served.Count == 0) continue;
            var hostnames = served is [HostnameMatching.All] ? ValueList<string>.Empty : served.ToValueList();
            context.Attachments.Bind(gateway.Gateway.Key, listener.Listener.Name,
                new RouteAttachment(facts.Route, parent, hostnames, facts.Rules));
        }
        return null;
    }
}

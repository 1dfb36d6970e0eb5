using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Attaches routes to listeners, once per (route, parentRef). The Gateway must exist (else NoMatchingParent — the
/// spec's reason; Cilium says Invalid&lt;Kind&gt;), sectionName and port must name listeners, and of those the route
/// attaches to every one whose kinds, namespaces and hostname admit it. Each refusal is one diagnostic and one
/// Accepted=False reason. A route with invalid values attaches nowhere. Refs to Gateways of other controllers are
/// not ours to judge. A ListenerSet parent attaches the route to that set's listeners only, once the set's Gateway has
/// taken it in. Service parents (GAMMA) are bound by <see cref="ServiceParentAdmission"/>; other kinds of parent are
/// not supported.
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
            if (parent.IsListenerSet)
            {
                if (AttachToListenerSet(context, facts, parent) is { } outcome) facts.Parents.Add(outcome);
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
            facts.Parents.Add(new ParentOutcome(parent, Attach(context, facts, parent, ours, null)));
        }
    }

    /// <summary>The outcome through a ListenerSet parent; null when the set's Gateway belongs to another controller.</summary>
    private static ParentOutcome? AttachToListenerSet(PassContext context, RouteFacts facts, ParentRef parent)
    {
        var ns = parent.Namespace ?? facts.Route.Meta.Namespace;
        if (context.Index.FindListenerSet(ns, parent.Name) is not { } set)
        {
            var hint = Spelling.DidYouMean(parent.Name, context.Model.ListenerSets.Where(s => s.Meta.Namespace == ns).Select(s => s.Meta.Name));
            var d = context.Diagnostics.ReportParentListenerSetNotFound(parent.Origin, $"{ns}/{parent.Name}", hint);
            return new ParentOutcome(parent, new Problem(ConditionReason.NoMatchingParent, d.Message));
        }
        if (context.ListenerSets.Find(set.Key) is not { } ours) return null;
        if (ours.Parent is not { } gateway || !ours.Accepted)
        {
            var why = WriteListenerSetStatus.Refusal(ours).Message;
            var d = context.Diagnostics.ReportParentListenerSetNotAccepted(parent.Origin, set.Key.QualifiedName, why);
            return new ParentOutcome(parent, new Problem(ConditionReason.NotAllowedByListeners, d.Message));
        }
        return new ParentOutcome(parent, Attach(context, facts, parent, gateway, ours));
    }

    private static Problem? Attach(PassContext context, RouteFacts facts, ParentRef parent, GatewayFacts gateway, ListenerSetFacts? set)
    {
        var admitted = ListenerAdmission.Admit(context, facts.Route, parent, gateway, set, out var refusal);
        if (refusal is not null) return refusal;
        if (facts.Rejection is { } rejection) return rejection;
        foreach (var listener in admitted)
        {
            context.Attachments.Attach(gateway.Gateway.Key, listener.Id, facts.Route);
            if (!listener.Valid) continue;
            var others = gateway.Listeners
                .Where(o => o != listener && o.Valid && o.Listener.Port == listener.Listener.Port)
                .Select(o => o.Listener.Hostname)
                .ToList();
            var served = HostnameMatching.ComputeHosts(facts.Route.Hostnames, listener.Listener.Hostname, others);
            if (served.Count == 0) continue;
            var hostnames = served is [HostnameMatching.All] ? ValueList<string>.Empty : served.ToValueList();
            context.Attachments.Bind(gateway.Gateway.Key, listener.Id,
                new RouteAttachment(facts.Route, parent, hostnames, facts.Rules));
        }
        return null;
    }
}

using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Takes each ListenerSet into its parent Gateway's merged listener list when the Gateway's
/// <c>allowedListeners.namespaces.from</c> admits the set's namespace (None, the default, admits none; Same, All,
/// Selector as for routes). Sets are visited in the spec's listener precedence — creation time (oldest first), then
/// namespace/name — so the merged list is the Gateway's own listeners followed by each admitted set's, and the checks
/// that follow (protocols, hostnames, TLS, conflicts) see one list, as if it were a single Gateway. Inputs without
/// <c>creationTimestamp</c> fall back to namespace/name; a set that has one comes before any that has none (an object
/// in a cluster always has one). Sets whose Gateway belongs to another controller are not ours to judge.
/// </summary>
internal sealed class AttachListenerSets : IPass
{
    public void Run(PassContext context)
    {
        var ordered = context.Model.ListenerSets
            .OrderBy(s => s.CreationTimestamp is null)
            .ThenBy(s => s.CreationTimestamp)
            .ThenBy(s => s.Meta.Namespace, StringComparer.Ordinal)
            .ThenBy(s => s.Meta.Name, StringComparer.Ordinal);
        foreach (var set in ordered)
        {
            var parentRef = set.ParentRef;
            var ns = parentRef.NamespaceOr(set.Meta.Namespace);
            var gatewayName = $"{ns}/{parentRef.Name}";
            var gateway = parentRef.Kind == "Gateway" && parentRef.Group == RouteGroupKind.GatewayGroup
                ? context.Index.FindGateway(ns, parentRef.Name)
                : null;
            if (gateway is null)
            {
                var hint = Text.Spelling.DidYouMean(parentRef.Name, context.Index.GatewayNames(ns));
                var d = context.Diagnostics.ReportListenerSetParentNotFound(parentRef.Origin, set.Key.QualifiedName, gatewayName, hint);
                context.ListenerSets.Add(new ListenerSetFacts(set, null) { Refusal = new Problem(ConditionReason.ParentNotAccepted, d.Message) });
                continue;
            }
            if (context.Gateways.Find(gateway.Key) is not { } parent) continue;
            var facts = new ListenerSetFacts(set, parent);
            context.ListenerSets.Add(facts);
            parent.ListenerSets.Add(facts);
            if (parent.Refusal is { } refused)
            {
                facts.Refusal = new Problem(ConditionReason.ParentNotAccepted, $"the parent Gateway is not accepted: {refused.Message}");
                continue;
            }
            if (NotAllowedReason(context, gateway, set) is { } reason)
            {
                var d = context.Diagnostics.ReportListenerSetNotAllowed(set.Meta.Origin, set.Key.QualifiedName, gateway.Key.QualifiedName, reason);
                facts.Refusal = new Problem(ConditionReason.NotAllowed, d.Message);
                continue;
            }
            foreach (var listener in set.Listeners)
            {
                if (facts.Listeners.Any(l => l.Listener.Name == listener.Name))
                {
                    context.Diagnostics.ReportDuplicateListenerSetListenerName(listener.Origin, set.Key.QualifiedName, listener.Name);
                    continue;
                }
                var listenerFacts = new ListenerFacts(Qualified(listener, set.Meta.Namespace)) { Set = facts };
                facts.Listeners.Add(listenerFacts);
                parent.Listeners.Add(listenerFacts);
            }
        }
    }

    /// <summary>
    /// The listener with its certificate references' namespaces filled in from the set: in the merged list it is
    /// programmed with the Gateway's, whose namespace would otherwise be taken as the default.
    /// </summary>
    private static Listener Qualified(Listener listener, string ns) => listener.Tls is { } tls
        ? listener with { Tls = tls with { CertificateRefs = tls.CertificateRefs.Select(c => c with { Namespace = c.NamespaceOr(ns) }).ToValueList() } }
        : listener;

    /// <summary>Why the Gateway's <c>allowedListeners</c> refuses the set's namespace; null when it admits it.</summary>
    private static string? NotAllowedReason(PassContext context, Gateway gateway, ListenerSet set)
    {
        var allowed = gateway.AllowedListeners;
        return (allowed?.From ?? ListenersFrom.None) switch
        {
            ListenersFrom.None => "the Gateway admits no ListenerSets (spec.allowedListeners.namespaces.from is None, the default)",
            ListenersFrom.Same => set.Meta.Namespace == gateway.Meta.Namespace
                ? null
                : $"the Gateway admits ListenerSets only from its own namespace '{gateway.Meta.Namespace}'",
            ListenersFrom.All => null,
            ListenersFrom.Selector => allowed!.Selector?.Matches(context.Index.NamespaceLabels(set.Meta.Namespace)) == true
                ? null
                : $"the labels of namespace '{set.Meta.Namespace}' do not match the Gateway's allowedListeners selector",
            _ => throw new InvalidOperationException($"unhandled allowedListeners.from {allowed!.From}"),
        };
    }
}

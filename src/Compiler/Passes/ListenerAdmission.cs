using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Passes;

/// <summary>
/// The listeners of one Gateway that admit a route through one parentRef, narrowed step by step: sectionName, port,
/// route kind, namespace, hostname. The first step that leaves none reports once and gives the refusal. The parent is
/// the Gateway (its own listeners only) or one of its ListenerSets (that set's listeners only): a route reaches only
/// the listeners of the object it names (GEP-1713).
/// </summary>
internal static class ListenerAdmission
{
    public static List<ListenerFacts> Admit(PassContext context, Route route, ParentRef parent, GatewayFacts gateway,
        ListenerSetFacts? set, out Problem? refusal)
    {
        var diagnostics = context.Diagnostics;
        var gatewayName = gateway.Gateway.Key.QualifiedName;
        var setName = set?.ListenerSet.Key.QualifiedName;
        var routeName = route.Key.QualifiedName;
        var all = set?.Listeners ?? gateway.OwnListeners.ToList();
        var listeners = all;
        refusal = null;

        if (parent.SectionName is { } section)
        {
            listeners = listeners.Where(l => l.Listener.Name == section).ToList();
            if (listeners.Count == 0)
            {
                var hint = Spelling.DidYouMean(section, all.Select(l => l.Listener.Name));
                refusal = Refuse(ConditionReason.NoMatchingParent, setName is null
                    ? diagnostics.ReportParentSectionNotFound(parent.Origin, gatewayName, section, hint)
                    : diagnostics.ReportParentListenerSetSectionNotFound(parent.Origin, setName, section, hint));
                return [];
            }
        }
        if (parent.Port is { } port)
        {
            var named = listeners;
            listeners = listeners.Where(l => l.Listener.Port == port).ToList();
            if (listeners.Count == 0)
            {
                var hint = parent.SectionName is not null ? $"listener '{parent.SectionName}' is on port {named[0].Listener.Port}" : null;
                refusal = Refuse(ConditionReason.NoMatchingParent, setName is null
                    ? diagnostics.ReportParentPortNotFound(parent.Origin, gatewayName, port, hint)
                    : diagnostics.ReportParentListenerSetPortNotFound(parent.Origin, setName, port, hint));
                return [];
            }
        }
        var kind = RouteKinds.Of(route);
        var byKind = listeners.Where(l => l.SupportedKinds.Contains(kind)).ToList();
        if (byKind.Count == 0)
        {
            var accepted = RouteKinds.Describe(listeners.SelectMany(l => l.SupportedKinds));
            refusal = Refuse(ConditionReason.NotAllowedByListeners,
                diagnostics.ReportRouteKindNotAllowed(parent.Origin, route.KindName, routeName, gatewayName, accepted));
            return [];
        }
        var byNamespace = byKind.Where(l => NamespaceAdmits(context, l.Listener, l.Namespace(gateway.Gateway), route)).ToList();
        if (byNamespace.Count == 0)
        {
            refusal = Refuse(ConditionReason.NotAllowedByListeners, diagnostics.ReportNotAllowedByNamespace(parent.Origin,
                route.KindName, routeName, route.Meta.Namespace, gatewayName, NamespaceReason(byKind, gateway.Gateway)));
            return [];
        }
        var byHostname = byNamespace.Where(l => HostnamesIntersect(l.Listener, route)).ToList();
        if (byHostname.Count == 0)
        {
            var hostnames = string.Join(", ", byNamespace.Select(l => l.Listener.Hostname ?? HostnameMatching.All).Distinct());
            refusal = Refuse(ConditionReason.NoMatchingListenerHostname, diagnostics.ReportNoMatchingHostname(parent.Origin,
                route.KindName, routeName, gatewayName, $"the listeners serve {hostnames}"));
            return [];
        }
        return byHostname;
    }

    /// <summary>Attachment needs only some intersection; listener isolation trims what is served, not whether it attaches.</summary>
    private static bool HostnamesIntersect(Listener listener, Route route) =>
        route.Hostnames.IsEmpty || route.Hostnames.Any(h => HostnameMatching.Intersect(listener.Hostname, h) is not null);

    /// <summary><c>Same</c> is the namespace of the object that declares the listener (a ListenerSet's own, for its listeners).</summary>
    private static bool NamespaceAdmits(PassContext context, Listener listener, string owner, Route route) =>
        listener.AllowedRoutes.From switch
        {
            NamespacesFrom.All => true,
            NamespacesFrom.Selector => listener.AllowedRoutes.Selector?.Matches(context.Index.NamespaceLabels(route.Meta.Namespace)) ?? false,
            _ => route.Meta.Namespace == owner,
        };

    private static string NamespaceReason(IReadOnlyList<ListenerFacts> listeners, Gateway gateway)
    {
        if (listeners.Count > 1)
            return $"none of listeners {string.Join(", ", listeners.Select(l => $"'{l.Listener.Name}'"))} admits routes from it";
        var listener = listeners[0].Listener;
        return listener.AllowedRoutes.From == NamespacesFrom.Selector
            ? $"its labels do not match the namespace selector of listener '{listener.Name}'"
            : $"listener '{listener.Name}' admits routes only from namespace '{listeners[0].Namespace(gateway)}'";
    }

    private static Problem Refuse(ConditionReason reason, Diagnostics.Diagnostic diagnostic) => new(reason, diagnostic.Message);
}

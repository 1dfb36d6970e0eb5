using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>Turns the status report into one status patch per Gateway, per ListenerSet and per route.</summary>
internal static class StatusViewBuilder
{
    /// <summary>
    /// The CRDs require <c>lastTransitionTime</c> on every condition, but a bundle must not depend on the clock (same
    /// inputs, same bytes), so every condition carries the Unix epoch. A controller applying the patch keeps its own
    /// time for conditions that did not change and may overwrite it.
    /// </summary>
    public const string FixedTransitionTime = "1970-01-01T00:00:00Z";

    public static IEnumerable<StatusView> Build(StatusReport report)
    {
        foreach (var g in report.Gateways)
            yield return new StatusView("Gateway", g.Object.Name, g.Object.Namespace, [.. g.Addresses], Conditions(g.Conditions),
                g.Listeners.Select(l => new ListenerStatusView(l.Name, l.SupportedKinds.Select(k => new KindView(k.Group, k.Kind)).ToList(),
                    l.AttachedRoutes, Conditions(l.Conditions))).ToList(), []) { AttachedListenerSets = g.AttachedListenerSets };
        foreach (var s in report.ListenerSets)
            yield return new StatusView("ListenerSet", s.Object.Name, s.Object.Namespace, [], Conditions(s.Conditions),
                s.Listeners.Select(l => new ListenerStatusView(l.Name, l.SupportedKinds.Select(k => new KindView(k.Group, k.Kind)).ToList(),
                    l.AttachedRoutes, Conditions(l.Conditions))).ToList(), []);
        foreach (var r in report.Routes)
            yield return new StatusView(r.Object.Kind.ToString(), r.Object.Name, r.Object.Namespace, [], [], [],
                r.Parents.Select(p => new ParentStatusView(p.ParentRef.Group, p.ParentRef.Kind, p.ParentRef.Namespace, p.ParentRef.Name,
                    p.ParentRef.SectionName, p.ParentRef.Port, p.ControllerName, Conditions(p.Conditions))).ToList());
    }

    private static List<ConditionView> Conditions(IEnumerable<Condition> conditions) => conditions
        .OrderBy(c => c.Type)
        .Select(c => new ConditionView(c.Type.ToString(), c.Status ? "True" : "False", c.Reason.ToString(), c.Message,
            c.ObservedGeneration, FixedTransitionTime))
        .ToList();
}

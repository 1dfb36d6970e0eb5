namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>A Gateway API status patch: only apiVersion, kind, name/namespace and the status stanza.</summary>
internal sealed record StatusView(
    string Kind,
    string Name,
    string Namespace,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<ConditionView> Conditions,
    IReadOnlyList<ListenerStatusView> Listeners,
    IReadOnlyList<ParentStatusView> Parents)
{
    public bool Namespaced => Namespace.Length > 0;
    public bool IsRoute => Kind is not ("Gateway" or "GatewayClass" or "ListenerSet");

    /// <summary>A Gateway's <c>attachedListenerSets</c>; null leaves it out.</summary>
    public int? AttachedListenerSets { get; init; }

    public bool HasAttachedListenerSets => AttachedListenerSets is not null;
}

/// <summary>A status condition; <c>LastTransitionTime</c> is the fixed <see cref="StatusViewBuilder.FixedTransitionTime"/>.</summary>
internal sealed record ConditionView(string Type, string Status, string Reason, string Message, long ObservedGeneration, string LastTransitionTime);

/// <summary>One listener's status.</summary>
internal sealed record ListenerStatusView(string Name, IReadOnlyList<KindView> SupportedKinds, int AttachedRoutes, IReadOnlyList<ConditionView> Conditions);

/// <summary>A route kind a listener accepts.</summary>
internal sealed record KindView(string Group, string Kind);

/// <summary>A route's status for one parent; null fields of the parentRef are left out.</summary>
internal sealed record ParentStatusView(
    string Group, string Kind, string? Namespace, string Name, string? SectionName, int? Port,
    string ControllerName, IReadOnlyList<ConditionView> Conditions)
{
    public bool HasNamespace => Namespace is not null;
    public bool HasSectionName => SectionName is not null;
    public bool HasPort => Port is not null;
}

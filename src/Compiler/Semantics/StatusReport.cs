using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Semantics;

/// <summary>The Gateway API status meshc computes for every object it owns, sorted by object key.</summary>
public sealed record StatusReport(
    ValueList<GatewayClassStatus> GatewayClasses,
    ValueList<GatewayStatus> Gateways,
    ValueList<RouteStatus> Routes)
{
    public static readonly StatusReport Empty = new(ValueList<GatewayClassStatus>.Empty, ValueList<GatewayStatus>.Empty, ValueList<RouteStatus>.Empty);

    /// <summary>Policy status (BackendTLSPolicy ancestors); empty for inputs without policies.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public ValueList<PolicyStatus> Policies { get; init; }

    /// <summary>ListenerSet status; empty for inputs without ListenerSets.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public ValueList<ListenerSetStatus> ListenerSets { get; init; }
}

/// <summary>ListenerSet status: Accepted and Programmed, and one entry per listener of the set (none when it is not attached).</summary>
public sealed record ListenerSetStatus(ObjectKey Object, ValueList<Condition> Conditions, ValueList<ListenerStatus> Listeners);

/// <summary>A policy's status: one entry per ancestor (a Gateway) it applies through.</summary>
public sealed record PolicyStatus(ObjectKey Object, ValueList<PolicyAncestorStatus> Ancestors);

/// <summary>The status of a policy with respect to one ancestor.</summary>
public sealed record PolicyAncestorStatus(ParentRef AncestorRef, string ControllerName, ValueList<Condition> Conditions);

/// <summary>GatewayClass status: Accepted, and the features meshc supports.</summary>
public sealed record GatewayClassStatus(ObjectKey Object, ValueList<Condition> Conditions, ValueList<string> SupportedFeatures);

/// <summary>Gateway status: addresses, Gateway conditions and one entry per listener.</summary>
public sealed record GatewayStatus(ObjectKey Object, ValueList<string> Addresses, ValueList<Condition> Conditions, ValueList<ListenerStatus> Listeners)
{
    /// <summary>
    /// How many ListenerSets the Gateway has taken in (Accepted=True); null (left out) when the Gateway allows none and
    /// no set names it.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? AttachedListenerSets { get; init; }
}

/// <summary>Listener status: supported route kinds, how many routes attach, and conditions.</summary>
public sealed record ListenerStatus(string Name, ValueList<RouteGroupKind> SupportedKinds, int AttachedRoutes, ValueList<Condition> Conditions);

/// <summary>Route status: one entry per parentRef that names a Gateway of ours.</summary>
public sealed record RouteStatus(ObjectKey Object, ValueList<RouteParentStatus> Parents);

/// <summary>The status of a route with respect to one parent, with the parentRef copied as written.</summary>
public sealed record RouteParentStatus(ParentRef ParentRef, string ControllerName, ValueList<Condition> Conditions);

using Meshc.Compiler.Semantics;

namespace Meshc.Runtime.Tests.Conformance;

/// <summary>Checks on the compiled Gateway API status, named by the suite's condition types and reasons.</summary>
internal static class StatusAssert
{
    /// <summary>The route's status for its (only or given) parent has the condition with that status and reason.</summary>
    public static void RouteParent(StatusReport status, string route, string type, bool value, string? reason, int parent = 0)
    {
        var entry = status.Routes.SingleOrDefault(r => r.Object.Name == route);
        Assert.True(entry is not null, $"no status for route {route}");
        Is(entry!.Parents[parent].Conditions, type, value, reason, $"route {route} parent {parent}");
    }

    /// <summary>The Gateway has the condition with that status and reason (null: any reason).</summary>
    public static void Gateway(StatusReport status, string gateway, string type, bool value, string? reason) =>
        Is(GatewayOf(status, gateway).Conditions, type, value, reason, $"Gateway {gateway}");

    public static GatewayStatus GatewayOf(StatusReport status, string gateway)
    {
        var entry = status.Gateways.SingleOrDefault(g => g.Object.Name == gateway);
        Assert.True(entry is not null, $"no status for Gateway {gateway}");
        return entry!;
    }

    /// <summary>The listener of the Gateway has the condition with that status and reason (null: any reason).</summary>
    public static void Listener(StatusReport status, string gateway, string listener, string type, bool value, string? reason) =>
        Is(ListenerOf(status, gateway, listener).Conditions, type, value, reason, $"listener {gateway}/{listener}");

    public static ListenerStatus ListenerOf(StatusReport status, string gateway, string listener)
    {
        var found = GatewayOf(status, gateway).Listeners.SingleOrDefault(l => l.Name == listener);
        Assert.True(found is not null, $"Gateway {gateway} has no listener {listener}");
        return found!;
    }

    /// <summary>The ListenerSet has the condition with that status and reason (null: any reason).</summary>
    public static void ListenerSet(StatusReport status, string set, string type, bool value, string? reason) =>
        Is(ListenerSetOf(status, set).Conditions, type, value, reason, $"ListenerSet {set}");

    public static ListenerSetStatus ListenerSetOf(StatusReport status, string set)
    {
        var entry = status.ListenerSets.SingleOrDefault(s => s.Object.Name == set);
        Assert.True(entry is not null, $"no status for ListenerSet {set}");
        return entry!;
    }

    /// <summary>The listener of the ListenerSet has the condition with that status and reason (null: any reason).</summary>
    public static void SetListener(StatusReport status, string set, string listener, string type, bool value, string? reason) =>
        Is(SetListenerOf(status, set, listener).Conditions, type, value, reason, $"listener {set}/{listener}");

    public static ListenerStatus SetListenerOf(StatusReport status, string set, string listener)
    {
        var found = ListenerSetOf(status, set).Listeners.SingleOrDefault(l => l.Name == listener);
        Assert.True(found is not null, $"ListenerSet {set} has no listener {listener}");
        return found!;
    }

    /// <summary>The Gateway's <c>attachedListenerSets</c> (absent counts as 0, as the suite reads it).</summary>
    public static void AttachedListenerSets(StatusReport status, string gateway, int expected) =>
        Assert.Equal(expected, GatewayOf(status, gateway).AttachedListenerSets ?? 0);

    private static void Is(IEnumerable<Condition> conditions, string type, bool value, string? reason, string what)
    {
        var condition = conditions.SingleOrDefault(c => c.Type.ToString() == type);
        Assert.True(condition is not null, $"{what} has no {type} condition");
        Assert.True(condition!.Status == value && (reason is null || condition.Reason.ToString() == reason),
            $"{what}: {type}={condition.Status} {condition.Reason} ({condition.Message}), expected {type}={value} {reason ?? "(any reason)"}");
    }
}

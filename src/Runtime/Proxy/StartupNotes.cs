using Meshc.Compiler.BackEnds.Xds.Gateway;
using Meshc.Runtime.Loading;

namespace Meshc.Runtime.Proxy;

/// <summary>
/// What <c>meshc run</c> says at start (and after each reload) besides where it serves, read from the bundle's status: one line per Gateway,
/// ListenerSet, listener or route the compiler left out (with the condition that says why), per route whose unresolved backends
/// answer 500, and per Gateway that has no address and is served on its listener's own socket instead. Nothing here is
/// a special case of serving: the bundle simply has no configuration for what is left out.
/// </summary>
public static class StartupNotes
{
    public static IEnumerable<string> Lines(BundleStatus status, IEnumerable<ListenerSocket> sockets)
    {
        var served = sockets.ToList();
        foreach (var gateway in status.Gateways)
        {
            var name = $"{gateway.Namespace}/{gateway.Name}";
            if (Find(gateway.Conditions, "Accepted") is { Status: false } refused)
            {
                yield return $"left out: gateway {name}: {refused}";
                continue;
            }
            foreach (var (listener, conditions) in gateway.Listeners)
                if (Find(conditions, "Accepted") is { Status: false } invalid)
                    yield return $"left out: listener {listener} of gateway {name}: {invalid}";
            if (gateway.Addresses.Count > 0) continue;
            var prefix = $"{gateway.Namespace}/{CecNaming.CecName(gateway.Name)}/";
            var where = served.Where(s => s.Listener.StartsWith(prefix, StringComparison.Ordinal)).Select(s => s.Url).Order(StringComparer.Ordinal).ToList();
            var why = Find(gateway.Conditions, "Programmed") is { Status: false } programmed ? $" ({programmed})" : "";
            yield return where.Count > 0
                ? $"gateway {name} has no address{why}; served on {string.Join(", ", where)} instead"
                : $"gateway {name} has no address{why}";
        }
        foreach (var set in status.ListenerSets)
        {
            var name = $"{set.Namespace}/{set.Name}";
            if (Find(set.Conditions, "Accepted") is { Status: false } refused)
            {
                yield return $"left out: listenerset {name}: {refused}";
                continue;
            }
            foreach (var (listener, conditions) in set.Listeners)
                if (Find(conditions, "Accepted") is { Status: false } invalid)
                    yield return $"left out: listener {listener} of listenerset {name}: {invalid}";
        }
        foreach (var route in status.Routes)
        {
            var what = $"{route.Kind.ToLowerInvariant()} {route.Namespace}/{route.Name}";
            var parent = $"{route.ParentKind.ToLowerInvariant()} {route.ParentNamespace}/{route.Parent}" + (route.SectionName is { } s ? $" listener {s}" : "");
            if (Find(route.Conditions, "Accepted") is { Status: false } refused)
                yield return $"left out: {what} from {parent}: {refused}";
            else if (Find(route.Conditions, "ResolvedRefs") is { Status: false } unresolved)
                yield return $"{what} on {parent}: {unresolved}; a rule left without a backend answers 500";
        }
    }

    private static StatusCondition? Find(IReadOnlyList<StatusCondition> conditions, string type) =>
        conditions.FirstOrDefault(c => c.Type == type);
}

using Meshc.Compiler.Diagnostics;
using Meshc.Runtime.Model;
using Meshc.Runtime.Routing;

namespace Meshc.Runtime.RouteTests;

/// <summary>
/// The route table a test routes through, and the listener that serves it when there is exactly one (its connection
/// manager's settings shape the request as the proxy would).
/// </summary>
public sealed record RouteTarget(string Description, RouteTable Table, ListenerModel? Listener);

/// <summary>Finds the route table a test names: a Gateway or Service by its binding, a listener, or a route configuration.</summary>
public sealed class RouteTargets(RuntimeSnapshot snapshot)
{
    /// <summary>The target of <paramref name="named"/>, or of the bundle's only route table; otherwise reports MC0562 or MC0563.</summary>
    public RouteTarget? Resolve(RouteTargetRef? named, Compiler.Text.SourceLocation testAt, DiagnosticBag diagnostics)
    {
        if (named is null)
        {
            var tables = Tables().ToList();
            if (tables.Count == 1) return ForTable(tables[0]);
            diagnostics.ReportRouteTestNoTarget(testAt, tables.Count, Known(RouteTargetKind.Gateway) is { Length: > 0 } gateways ? $"gateways: {gateways}" : $"route configurations: {Known(RouteTargetKind.RouteConfig)}");
            return null;
        }
        var found = named.Kind switch
        {
            RouteTargetKind.Gateway or RouteTargetKind.Service => Bound(named),
            RouteTargetKind.Listener => snapshot.Listeners.FirstOrDefault(l => l.Name == named.Name) is { } listener ? ForListener(listener, $"listener {listener.Name}") : null,
            RouteTargetKind.RouteConfig => Tables().FirstOrDefault(t => t.Name == named.Name) is { } table ? ForTable(table) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(named), named.Kind, "unknown route target kind"),
        };
        if (found is null) diagnostics.ReportRouteTestUnknownTarget(named.At, named.Field, named.Name, Known(named.Kind) is { Length: > 0 } known ? known : "none");
        return found;
    }

    /// <summary>Every route table of the bundle once, named or inline, in name order.</summary>
    public IEnumerable<RouteTable> Tables() =>
        snapshot.RouteTables.Values.Distinct().OrderBy(t => t.Name, StringComparer.Ordinal);

    private RouteTarget? Bound(RouteTargetRef named)
    {
        var kind = named.Kind == RouteTargetKind.Gateway ? "gateway" : "service";
        var binding = snapshot.Bindings.FirstOrDefault(b => b.Kind == kind && $"{b.Namespace}/{b.Name}" == named.Name);
        var listener = binding is null ? null : snapshot.Listeners.FirstOrDefault(l => l.Name == binding.Listener);
        return listener is null ? null : ForListener(listener, $"{binding!.Display}, listener {listener.Name}");
    }

    private RouteTarget? ForListener(ListenerModel listener, string description) =>
        snapshot.RouteTables.TryGetValue(listener.RouteConfigName, out var table) ? new RouteTarget(description, table, listener) : null;

    private RouteTarget ForTable(RouteTable table)
    {
        var serving = snapshot.Listeners.Where(l => snapshot.RouteTables.TryGetValue(l.RouteConfigName, out var t) && t == table).ToList();
        return new RouteTarget($"route configuration {table.Name}", table, serving.Count == 1 ? serving[0] : null);
    }

    private string Known(RouteTargetKind kind)
    {
        IEnumerable<string> names = kind switch
        {
            RouteTargetKind.Gateway => snapshot.Bindings.Where(b => b.Kind == "gateway").Select(b => $"{b.Namespace}/{b.Name}"),
            RouteTargetKind.Service => snapshot.Bindings.Where(b => b.Kind == "service").Select(b => $"{b.Namespace}/{b.Name}"),
            RouteTargetKind.Listener => snapshot.Listeners.Select(l => l.Name),
            RouteTargetKind.RouteConfig => Tables().Select(t => t.Name),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown route target kind"),
        };
        return string.Join(", ", names.Distinct().Order(StringComparer.Ordinal));
    }
}

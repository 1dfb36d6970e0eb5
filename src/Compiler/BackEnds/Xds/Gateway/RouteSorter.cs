using Envoy.Config.Route.V3;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// Orders the routes of a virtual host as Cilium's <c>SortableRoute</c> does. Envoy takes the first route that
/// matches, so more specific matches must come first. The sort is stable: ties keep their input order.
/// </summary>
internal sealed class RouteSorter : IComparer<Route>
{
    public static readonly RouteSorter Instance = new();

    /// <summary>The routes in match order.</summary>
    public static IReadOnlyList<Route> Sort(IEnumerable<Route> routes) => routes.OrderBy(r => r, Instance).ToList();

    /// <summary>
    /// Longer exact path first, then longer regex, then longer prefix (either kind), then routes with a method
    /// (by method name), then more header matchers (the <c>:method</c> one included), then more query matchers.
    /// </summary>
    public int Compare(Route? x, Route? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return 1;
        if (y is null) return -1;
        var a = x.Match ?? new RouteMatch();
        var b = y.Match ?? new RouteMatch();
        var byLength = Longer(a.Path.Length, b.Path.Length);
        if (byLength == 0) byLength = Longer(a.SafeRegex?.Regex.Length ?? 0, b.SafeRegex?.Regex.Length ?? 0);
        if (byLength == 0) byLength = Longer(PrefixLength(a), PrefixLength(b));
        if (byLength != 0) return byLength;
        var byMethod = CompareMethods(Method(a), Method(b));
        if (byMethod != 0) return byMethod;
        var byHeaders = Longer(a.Headers.Count, b.Headers.Count);
        return byHeaders != 0 ? byHeaders : Longer(a.QueryParameters.Count, b.QueryParameters.Count);
    }

    // Descending: the larger count sorts first.
    private static int Longer(int x, int y) => y.CompareTo(x);

    private static int PrefixLength(RouteMatch match) => Math.Max(match.PathSeparatedPrefix.Length, match.Prefix.Length);

    private static string? Method(RouteMatch match) =>
        match.Headers.FirstOrDefault(h => h.Name == ":method")?.StringMatch?.Exact;

    private static int CompareMethods(string? x, string? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => string.CompareOrdinal(x, y),
    };
}

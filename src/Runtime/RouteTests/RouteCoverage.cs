using Envoy.Config.Route.V3;
using Meshc.Compiler.Output;
using Meshc.Runtime.Routing;

namespace Meshc.Runtime.RouteTests;

/// <summary>The route fields a passing check covers (router_check_tool's coverage fields).</summary>
public enum CoverageField
{
    Cluster,
    VirtualCluster,
    VirtualHost,
    PathRewrite,
    HostRewrite,
    RedirectPath,
    RedirectCode,
}

/// <summary>
/// Route coverage as Envoy's router_check_tool counts it: every route of every route configuration is one unit, a
/// weighted route one unit per cluster. A unit is hit when a passing check read a value off it. The default measure is
/// the share of units hit; the comprehensive one (<c>--covall</c>) gives each unit the share of its fields checked —
/// cluster, virtual cluster, virtual host, path and host rewrite for a route that forwards; redirect path and code
/// for a redirect or direct response.
/// </summary>
public sealed class RouteCoverage(IEnumerable<RouteTable> tables)
{
    private readonly IReadOnlyList<RouteTable> _tables = tables.ToList();
    private readonly Dictionary<(string Table, int Host, int Route, int Cluster), HashSet<CoverageField>> _hits = [];

    public void Mark(RouteTable table, RouteTable.RouteHit hit, int? weightedIndex, CoverageField field)
    {
        var key = (table.Name, hit.VirtualHostIndex, hit.RouteIndex, weightedIndex ?? -1);
        if (!_hits.TryGetValue(key, out var fields)) _hits[key] = fields = [];
        fields.Add(field);
    }

    /// <summary>Every unit with what was checked on it, in configuration order, and the totals.</summary>
    public CoverageReport Report(bool comprehensive)
    {
        var units = new List<CoverageUnit>();
        foreach (var table in _tables)
            for (var h = 0; h < table.Configuration.VirtualHosts.Count; h++)
            {
                var host = table.Configuration.VirtualHosts[h];
                for (var r = 0; r < host.Routes.Count; r++)
                {
                    var route = host.Routes[r];
                    if (route.Route_?.WeightedClusters is { } weighted)
                        for (var c = 0; c < weighted.Clusters.Count; c++)
                            units.Add(Unit(table, host, route, h, r, c, $"{weighted.Clusters[c].Name} (weight {weighted.Clusters[c].Weight ?? 0})", comprehensive));
                    else units.Add(Unit(table, host, route, h, r, -1, RouteText.Action(route), comprehensive));
                }
            }
        return new CoverageReport(units, comprehensive);
    }

    private CoverageUnit Unit(RouteTable table, VirtualHost host, Route route, int h, int r, int c, string action, bool comprehensive)
    {
        var fields = _hits.TryGetValue((table.Name, h, r, c), out var f) ? f : [];
        var possible = route.ActionCase == Route.ActionOneofCase.Route_
            ? new[] { CoverageField.Cluster, CoverageField.VirtualCluster, CoverageField.VirtualHost, CoverageField.PathRewrite, CoverageField.HostRewrite }
            : [CoverageField.RedirectPath, CoverageField.RedirectCode];
        var checkedFields = possible.Where(fields.Contains).ToList();
        var score = comprehensive ? (double)checkedFields.Count / possible.Length : fields.Count > 0 ? 1 : 0;
        return new CoverageUnit(table.Name, host.Name, r, RouteText.Match(route.Match), action, checkedFields, score);
    }
}

/// <summary>One coverage unit: a route (or one cluster of a weighted route) and the fields tests checked on it.</summary>
public sealed record CoverageUnit(string RouteConfig, string VirtualHost, int RouteIndex, string Match, string Action,
    IReadOnlyList<CoverageField> Checked, double Score)
{
    public bool Hit => Score > 0;
}

/// <summary>The units of every route configuration and the coverage percentage over all of them.</summary>
public sealed record CoverageReport(IReadOnlyList<CoverageUnit> Units, bool Comprehensive)
{
    /// <summary>0–100; a bundle without routes counts as fully covered (there is nothing to test).</summary>
    public double Percent => Units.Count == 0 ? 100 : 100 * Units.Sum(u => u.Score) / Units.Count;

    public static string Format(double percent) => percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

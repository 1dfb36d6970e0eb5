using Meshc.Compiler.Diagnostics;

namespace Meshc.Compiler.BackEnds.Xds.Agent;

/// <summary>
/// Envoy keeps one resource per type and name, and so does the agent's xDS cache: after qualification two
/// resources of one type may not share a name (MC0317 at each later one; the first, by position, is kept).
/// Within one CEC the agent rejects the CEC; across CECs the winner would depend on processing order.
/// </summary>
internal static class DuplicateNames
{
    /// <summary>The resources with one per type and name, sorted by type URL then name.</summary>
    public static IReadOnlyList<AgentResource> Keep(IEnumerable<AgentResource> resources, DiagnosticBag diagnostics)
    {
        var kept = new List<AgentResource>();
        foreach (var group in resources.GroupBy(r => (r.TypeUrl, r.Name)))
        {
            var ordered = group.OrderBy(r => r.Origin).ToList();
            kept.Add(ordered[0]);
            foreach (var duplicate in ordered.Skip(1))
                diagnostics.ReportDuplicateEnvoyResource(duplicate.Origin, duplicate.TypeName, duplicate.Name, ordered[0].Origin.ToString());
        }
        return [.. kept.OrderBy(r => r.TypeUrl, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }
}

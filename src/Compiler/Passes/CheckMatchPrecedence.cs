using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>
/// Warns when two rules bound to one listener (or one port of a parent Service) declare the same match for the same hostname: only one can win.
/// The Gateway API gives the match to the oldest route, then alphabetical namespace/name; meshc has no creation
/// times, so namespace/name then rule order decides, and the loser is warned (once per match). Nothing is
/// reordered here: ordering routes for Envoy is the back end's job.
/// </summary>
internal sealed class CheckMatchPrecedence : IPass
{
    public void Run(PassContext context)
    {
        var reported = new HashSet<(ObjectKey, int, int)>();
        foreach (var listener in context.Attachments.AllBound().GroupBy(b => (b.Gateway, b.Listener)))
        {
            var owners = new Dictionary<(string Host, string Match), string>();
            // TLSRoutes have no matches: their hostnames alone choose them (SNI).
            var attachments = listener.Select(b => b.Attachment)
                .Where(a => a.Route.Kind != RouteKind.Tls)
                .OrderBy(a => a.Route.Meta.Namespace, StringComparer.Ordinal)
                .ThenBy(a => a.Route.Meta.Name, StringComparer.Ordinal)
                .ThenBy(a => a.Route.Kind);
            foreach (var attachment in attachments)
            foreach (var rule in attachment.Route.Rules.Select((r, i) => (Rule: r, Index: i)))
            foreach (var (match, matchIndex) in MatchKeys.Of(rule.Rule).Select((m, i) => (m, i)))
            foreach (var host in attachment.Hostnames.IsEmpty ? [HostnameMatching.All] : attachment.Hostnames.Items.AsEnumerable())
            {
                var owner = $"{attachment.Route.KindName} '{attachment.Route.Key.QualifiedName}' rules[{rule.Index}]";
                if (owners.TryAdd((host, match.Key), owner) || owners[(host, match.Key)] == owner) continue;
                if (!reported.Add((attachment.Route.Key, rule.Index, matchIndex))) continue;
                context.Diagnostics.ReportShadowedMatch(match.Origin, attachment.Route.KindName, attachment.Route.Key.QualifiedName,
                    owners[(host, match.Key)], $"hostname '{host}' on {Where(listener.Key.Gateway, listener.Key.Listener)}");
            }
        }
    }

    // A Service parent's routes are bound per port, under the port's number.
    private static string Where(ObjectKey parent, string listener) =>
        parent.Kind == ObjectKind.Service ? $"port {listener} of Service '{parent.QualifiedName}'" : $"listener '{listener}'";
}

using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.BackEnds.Xds.Gateway;

/// <summary>
/// One TLS passthrough filter chain: the SNI names it matches and the weighted backends its <c>tcp_proxy</c> sends to.
/// Cilium makes one chain per backend cluster, matching the hostnames of every TLSRoute rule that uses it; that is
/// what is built for rules with one backend. A rule with several backends becomes one chain for its hostnames with
/// <c>weighted_clusters</c> (as newer Cilium does), because one chain per backend would give Envoy two chains with the
/// same match. A rule whose hostnames are all (<c>*</c>) matches any SNI: its chain has no server_names.
/// </summary>
internal sealed record PassthroughChain(IReadOnlyList<string> ServerNames, IReadOnlyList<BoundBackend> Backends)
{
    /// <summary>The single cluster of a one-backend chain (Cilium's shape: cluster and stat_prefix are its name).</summary>
    public string? SingleCluster => Backends.Count == 1 ? Backends[0].Target.ClusterName : null;

    /// <summary>The stat prefix of a weighted chain: <c>tls-passthrough:</c> and its server names.</summary>
    public string StatPrefix => SingleCluster ?? "tls-passthrough:" + (ServerNames.Count == 0 ? "*" : string.Join(",", ServerNames));

    public static IReadOnlyList<PassthroughChain> Of(IEnumerable<ListenerBinding> tlsListeners)
    {
        // Chains come in the order their cluster first appears (routes by namespace/name, then rule order), as Cilium's.
        var byCluster = new Dictionary<string, (BoundBackend Backend, SortedSet<string> Hosts)>(StringComparer.Ordinal);
        var order = new List<string>();
        var weighted = new List<PassthroughChain>();
        var attachments = tlsListeners.SelectMany(l => l.Routes.Select(a => (Listener: l, Attachment: a)))
            .OrderBy(x => x.Attachment.Route.Meta.Namespace, StringComparer.Ordinal)
            .ThenBy(x => x.Attachment.Route.Meta.Name, StringComparer.Ordinal);
        foreach (var (listener, attachment) in attachments)
        {
            // The attachment's hostnames are the route's intersected with the listener's; none means the listener's own.
            var hosts = attachment.Hostnames.IsEmpty
                ? [listener.Listener.Hostname ?? "*"]
                : attachment.Hostnames.Items.ToList();
            foreach (var rule in attachment.Rules.OrderBy(r => r.Index))
            {
                var backends = rule.Backends.Where(b => b.Weight > 0).ToList();
                if (backends.Count == 1)
                {
                    var cluster = backends[0].Target.ClusterName;
                    if (!byCluster.TryGetValue(cluster, out var entry))
                    {
                        byCluster[cluster] = entry = (backends[0], new SortedSet<string>(StringComparer.Ordinal));
                        order.Add(cluster);
                    }
                    entry.Hosts.UnionWith(hosts);
                }
                else if (backends.Count > 1)
                {
                    weighted.Add(new PassthroughChain(ServerNamesOf(hosts), backends));
                }
            }
        }
        return order.Select(c => byCluster[c]).Select(e => new PassthroughChain(ServerNamesOf(e.Hosts), [e.Backend]))
            .Concat(weighted)
            .ToList();
    }

    /// <summary>Sorted, unique; Envoy has no "*" server name, so a list holding it matches everything (empty).</summary>
    private static List<string> ServerNamesOf(IEnumerable<string> hosts)
    {
        var names = hosts.Distinct().Order(StringComparer.Ordinal).ToList();
        return names.Contains("*") ? [] : names;
    }
}

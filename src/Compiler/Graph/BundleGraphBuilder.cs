using System.Globalization;
using System.Text.Json;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Endpoint.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.Filters.Network.TcpProxy.V3;
using Envoy.Service.Discovery.V3;
using Google.Protobuf;
using Meshc.Compiler.BackEnds.Status;
using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.Output;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.Graph;

/// <summary>
/// Builds a bundle's graph from what the bundle holds. From the status files (<see cref="BundleStatus"/>): the
/// Gateways and ListenerSets with their listeners, and each route object beside the parent it asked for (a Gateway, a
/// ListenerSet, one of their listeners, or a Service for a mesh route). From the xDS files (<see cref="XdsFiles"/>): what each parent serves, as its route
/// configurations, their routes, the Services they send to with the weights, and the Services' endpoints. A bundle
/// does not record which route object an Envoy route came from, so routes hang under the route configuration that
/// serves them. Drawn red, with the reason: a Gateway, listener or route object whose status refuses it, and a route
/// that answers with an error instead of forwarding (what the compiler left out of it).
/// </summary>
public sealed class BundleGraphBuilder
{
    private readonly SortedDictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, GraphEdge> _edges = new(StringComparer.Ordinal);

    private BundleGraphBuilder()
    {
    }

    /// <summary>The graph of the bundle whose files are <paramref name="paths"/>, read through <paramref name="readText"/>.</summary>
    /// <exception cref="InvalidDataException">An xDS file the bundle lists is not what meshc writes.</exception>
    public static BundleGraph Build(IReadOnlyCollection<string> paths, Func<string, string> readText)
    {
        var files = paths.ToHashSet(StringComparer.Ordinal);
        List<T> Resources<T>(string path) where T : IMessage<T>, new()
        {
            if (!files.Contains(path)) return [];
            try
            {
                return [.. EnvoyJson.Parse<DiscoveryResponse>(readText(path)).Resources.Select(r => r.Unpack<T>())];
            }
            catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path} is not an xDS file meshc wrote: {e.Message}", e);
            }
        }
        var graph = new BundleGraphBuilder();
        graph.AddStatus(BundleStatus.Read(files, readText));
        var parents = files.Contains(XdsFiles.Redirects) ? Bindings(readText(XdsFiles.Redirects)) : new Dictionary<string, string>(StringComparer.Ordinal);
        var clusters = Resources<Cluster>(XdsFiles.Clusters).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var assignments = Resources<ClusterLoadAssignment>(XdsFiles.Endpoints).ToDictionary(a => a.ClusterName, StringComparer.Ordinal);
        var tables = Resources<RouteConfiguration>(XdsFiles.Routes).ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var listener in Resources<Listener>(XdsFiles.Listeners))
            graph.AddListener(listener, parents, tables, clusters, assignments);
        return new BundleGraph([.. graph._nodes.Values], [.. graph._edges.Values]);
    }

    private void AddStatus(BundleStatus status)
    {
        foreach (var gateway in status.Gateways)
        {
            var id = GatewayId(gateway.Namespace, gateway.Name);
            var label = $"Gateway\n{gateway.Namespace}/{gateway.Name}" + (gateway.Addresses.Count > 0 ? "\n" + string.Join(", ", gateway.Addresses) : "");
            Node(id, GraphNodeKind.Gateway, label, Refusal(gateway.Conditions));
            foreach (var (name, conditions) in gateway.Listeners)
            {
                Node(ListenerId(gateway.Namespace, gateway.Name, name), GraphNodeKind.Listener, $"listener {name}", Refusal(conditions));
                Edge(id, ListenerId(gateway.Namespace, gateway.Name, name));
            }
        }
        foreach (var set in status.ListenerSets)
        {
            // A ListenerSet's status does not name its Gateway, so its node stands on its own, with its listeners.
            var id = ListenerSetId(set.Namespace, set.Name);
            Node(id, GraphNodeKind.Listener, $"ListenerSet\n{set.Namespace}/{set.Name}", Refusal(set.Conditions));
            foreach (var (name, conditions) in set.Listeners)
            {
                Node($"{id}/{name}", GraphNodeKind.Listener, $"listener {name}", Refusal(conditions));
                Edge(id, $"{id}/{name}");
            }
        }
        foreach (var route in status.Routes.GroupBy(r => (r.Kind, r.Namespace, r.Name)).OrderBy(g => RouteObjectId(g.Key.Kind, g.Key.Namespace, g.Key.Name), StringComparer.Ordinal))
        {
            var id = RouteObjectId(route.Key.Kind, route.Key.Namespace, route.Key.Name);
            var refusals = route.Select(p => Accepted(p.Conditions)).ToList();
            // Refused when no parent accepts it; a route accepted by one parent and refused by another shows the refusal on that edge.
            Node(id, GraphNodeKind.RouteObject, $"{route.Key.Kind}\n{route.Key.Namespace}/{route.Key.Name}",
                refusals.All(r => r is not null) ? refusals.FirstOrDefault() : null);
            foreach (var parent in route)
            {
                string from;
                if (parent.ParentKind == "ListenerSet")
                {
                    from = ListenerSetId(parent.ParentNamespace, parent.Parent);
                    Node(from, GraphNodeKind.Listener, $"ListenerSet\n{parent.ParentNamespace}/{parent.Parent}");
                    if (parent.SectionName is { } section && _nodes.ContainsKey($"{from}/{section}")) from = $"{from}/{section}";
                }
                else if (parent.ParentKind == "Service")
                {
                    from = ServiceId(parent.ParentNamespace, parent.Parent);
                    Node(from, GraphNodeKind.Service, $"Service\n{parent.ParentNamespace}/{parent.Parent}");
                }
                else
                {
                    from = GatewayId(parent.ParentNamespace, parent.Parent);
                    Node(from, GraphNodeKind.Gateway, $"Gateway\n{parent.ParentNamespace}/{parent.Parent}");
                    if (parent.SectionName is { } section && _nodes.ContainsKey(ListenerId(parent.ParentNamespace, parent.Parent, section)))
                        from = ListenerId(parent.ParentNamespace, parent.Parent, section);
                }
                var label = parent.ParentPort is { } port ? $"port {port.ToString(CultureInfo.InvariantCulture)}" : null;
                Edge(from, id, label, Accepted(parent.Conditions));
            }
        }
    }

    private void AddListener(Listener listener, Dictionary<string, string> parents, Dictionary<string, RouteConfiguration> tables,
        Dictionary<string, Cluster> clusters, Dictionary<string, ClusterLoadAssignment> assignments)
    {
        if (!parents.TryGetValue(listener.Name, out var parent))
        {
            // A listener no Gateway or Service is bound to (a CiliumEnvoyConfig's own): it is its own root.
            parent = $"xds-listener {listener.Name}";
            Node(parent, GraphNodeKind.Listener, $"Envoy listener\n{listener.Name}");
        }
        foreach (var filter in listener.FilterChains.SelectMany(c => c.Filters).Where(f => f.TypedConfig is not null))
        {
            if (filter.TypedConfig.Is(HttpConnectionManager.Descriptor))
            {
                var hcm = filter.TypedConfig.Unpack<HttpConnectionManager>();
                var table = hcm.RouteSpecifierCase switch
                {
                    HttpConnectionManager.RouteSpecifierOneofCase.Rds => tables.GetValueOrDefault(hcm.Rds.RouteConfigName) ?? new RouteConfiguration { Name = hcm.Rds.RouteConfigName },
                    HttpConnectionManager.RouteSpecifierOneofCase.RouteConfig => hcm.RouteConfig,
                    HttpConnectionManager.RouteSpecifierOneofCase.ScopedRoutes or HttpConnectionManager.RouteSpecifierOneofCase.None => null,
                    _ => throw new ArgumentOutOfRangeException(nameof(listener), hcm.RouteSpecifierCase, "unknown route specifier"),
                };
                if (table is not null) AddTable(parent, table, clusters, assignments);
            }
            else if (filter.TypedConfig.Is(TcpProxy.Descriptor))
            {
                var tcp = filter.TypedConfig.Unpack<TcpProxy>();
                if (tcp.ClusterSpecifierCase == TcpProxy.ClusterSpecifierOneofCase.Cluster)
                    Edge(parent, Target(tcp.Cluster, clusters, assignments), "TCP");
                else if (tcp.ClusterSpecifierCase == TcpProxy.ClusterSpecifierOneofCase.WeightedClusters)
                    foreach (var (target, share) in Shares(tcp.WeightedClusters.Clusters.Select(c => (c.Name, (uint?)c.Weight)), clusters, assignments))
                        Edge(parent, target, $"TCP {share}");
            }
        }
    }

    private void AddTable(string parent, RouteConfiguration table, Dictionary<string, Cluster> clusters,
        Dictionary<string, ClusterLoadAssignment> assignments)
    {
        // Route configuration names are unique in a bundle; a listener that shares one shares its node.
        var tableId = $"routes {table.Name}";
        Node(tableId, GraphNodeKind.RouteTable, $"routes\n{table.Name[(table.Name.LastIndexOf('/') + 1)..]}");
        Edge(parent, tableId);
        for (var h = 0; h < table.VirtualHosts.Count; h++)
        {
            var host = table.VirtualHosts[h];
            var domain = host.Domains.Count switch { 0 => "(no domain)", 1 => host.Domains[0], _ => $"{host.Domains[0]} (+{host.Domains.Count - 1})" };
            for (var r = 0; r < host.Routes.Count; r++)
            {
                var route = host.Routes[r];
                var id = $"route {table.Name} {h.ToString(CultureInfo.InvariantCulture)}.{r.ToString(CultureInfo.InvariantCulture)}";
                var (action, problem) = Action(route);
                Node(id, GraphNodeKind.Route, $"{domain}\n{RouteText.Match(route.Match)}{action}", problem);
                Edge(tableId, id);
                if (route.ActionCase != Route.ActionOneofCase.Route_) continue;
                var forward = route.Route_;
                var targets = forward.ClusterSpecifierCase switch
                {
                    RouteAction.ClusterSpecifierOneofCase.Cluster => [(Target(forward.Cluster, clusters, assignments), "100%")],
                    RouteAction.ClusterSpecifierOneofCase.WeightedClusters =>
                        Shares(forward.WeightedClusters.Clusters.Select(c => (c.Name, c.Weight)), clusters, assignments),
                    _ => [],
                };
                foreach (var (target, share) in targets) Edge(id, target, share);
            }
        }
    }

    /// <summary>What a route does besides forwarding, for its label, and why it is drawn red: it answers an error itself.</summary>
    private static (string Action, string? Problem) Action(Route route) => route.ActionCase switch
    {
        Route.ActionOneofCase.Route_ => route.Route_.ClusterSpecifierCase is RouteAction.ClusterSpecifierOneofCase.Cluster or RouteAction.ClusterSpecifierOneofCase.WeightedClusters
            ? ("", null)
            : ("\n→ cluster chosen per request", null),
        Route.ActionOneofCase.Redirect => ("\n→ redirect", null),
        Route.ActionOneofCase.DirectResponse => ($"\n→ answers {route.DirectResponse.Status.ToString(CultureInfo.InvariantCulture)}",
            route.DirectResponse.Status >= 500
                ? $"left out: the route answers {route.DirectResponse.Status.ToString(CultureInfo.InvariantCulture)} instead of forwarding (the route object's status says why)"
                : null),
        Route.ActionOneofCase.FilterAction or Route.ActionOneofCase.NonForwardingAction => ("\n→ not forwarded", null),
        Route.ActionOneofCase.None => ("\n→ no action", "has no action"),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route.ActionCase, "unknown route action"),
    };

    /// <summary>Each weighted target with its share: <c>90% (weight 9)</c>.</summary>
    private List<(string Target, string Share)> Shares(IEnumerable<(string Name, uint? Weight)> weighted,
        Dictionary<string, Cluster> clusters, Dictionary<string, ClusterLoadAssignment> assignments)
    {
        var list = weighted.Select(w => (w.Name, Weight: w.Weight ?? 0)).ToList();
        var total = list.Sum(w => (long)w.Weight);
        return [.. list.Select(w => (Target(w.Name, clusters, assignments),
            $"{(total == 0 ? 0 : 100.0 * w.Weight / total).ToString("0.#", CultureInfo.InvariantCulture)}% (weight {w.Weight.ToString(CultureInfo.InvariantCulture)})"))];
    }

    /// <summary>The node a cluster stands for (its Service, when it reads a Service's endpoints), with its endpoints.</summary>
    private string Target(string clusterName, Dictionary<string, Cluster> clusters, Dictionary<string, ClusterLoadAssignment> assignments)
    {
        var cluster = clusters.GetValueOrDefault(clusterName);
        var serviceName = cluster?.EdsClusterConfig?.ServiceName is { Length: > 0 } eds ? eds : null;
        string id;
        if (serviceName is not null && Service(serviceName) is { } service)
        {
            id = ServiceId(service.Namespace, service.Name);
            Node(id, GraphNodeKind.Service, $"Service\n{service.Namespace}/{service.Name}");
        }
        else
        {
            id = $"cluster {clusterName}";
            Node(id, GraphNodeKind.Cluster, $"cluster\n{clusterName}", cluster is null ? "no such cluster in the bundle" : null);
        }
        var assignment = serviceName is not null ? assignments.GetValueOrDefault(serviceName) : cluster?.LoadAssignment ?? assignments.GetValueOrDefault(clusterName);
        foreach (var address in (assignment?.Endpoints ?? []).SelectMany(l => l.LbEndpoints).Select(e => e.Endpoint?.Address?.SocketAddress).OfType<Envoy.Config.Core.V3.SocketAddress>())
        {
            var text = $"{address.Address}:{address.PortValue.ToString(CultureInfo.InvariantCulture)}";
            Node($"endpoint {text}", GraphNodeKind.Endpoint, text);
            Edge(id, $"endpoint {text}");
        }
        return id;
    }

    /// <summary>The first condition that refuses the object: Accepted, Programmed or ResolvedRefs false, or Conflicted true.</summary>
    private static string? Refusal(IReadOnlyList<StatusCondition> conditions) =>
        conditions.FirstOrDefault(c => c.Type is "Accepted" or "Programmed" or "ResolvedRefs" ? !c.Status : c.Type == "Conflicted" && c.Status)?.ToString();

    private static string? Accepted(IReadOnlyList<StatusCondition> conditions) =>
        conditions.FirstOrDefault(c => c.Type == "Accepted" && !c.Status)?.ToString();

    /// <summary>Which Gateway or Service each Envoy listener serves (<c>xds/redirects.json</c>'s bindings), as the parent's node id.</summary>
    private static Dictionary<string, string> Bindings(string redirects)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        using var json = JsonDocument.Parse(redirects);
        if (!json.RootElement.TryGetProperty("bindings", out var bindings)) return parents;
        foreach (var b in bindings.EnumerateArray())
        {
            var (ns, name) = (b.GetProperty("namespace").GetString()!, b.GetProperty("name").GetString()!);
            parents.TryAdd(b.GetProperty("listener").GetString()!, b.GetProperty("kind").GetString() == "service" ? ServiceId(ns, name) : GatewayId(ns, name));
        }
        return parents;
    }

    private void Node(string id, GraphNodeKind kind, string label, string? problem = null)
    {
        // A node met twice (a parent named before its status is read) keeps the fuller label and any problem.
        if (_nodes.TryGetValue(id, out var known) && (known.Problem is not null || problem is null) && known.Label.Length >= label.Length) return;
        _nodes[id] = new GraphNode(id, kind, known is not null && known.Label.Length > label.Length ? known.Label : label, problem ?? known?.Problem);
    }

    private void Edge(string from, string to, string? label = null, string? problem = null) =>
        _edges.TryAdd($"{from}\u0000{to}\u0000{label}\u0000{problem}", new GraphEdge(from, to, label, problem));

    /// <summary>An EDS service name as the compiler writes it for a Service: <c>namespace/name:port</c>.</summary>
    private static (string Namespace, string Name)? Service(string edsName)
    {
        var (slash, colon) = (edsName.IndexOf('/', StringComparison.Ordinal), edsName.LastIndexOf(':'));
        return slash > 0 && colon > slash + 1 ? (edsName[..slash], edsName[(slash + 1)..colon]) : null;
    }

    private static string GatewayId(string ns, string name) => $"gateway {ns}/{name}";
    private static string ListenerId(string ns, string gateway, string listener) => $"listener {ns}/{gateway}/{listener}";
    private static string RouteObjectId(string kind, string ns, string name) => $"{kind} {ns}/{name}";
    private static string ServiceId(string ns, string name) => $"service {ns}/{name}";
    private static string ListenerSetId(string ns, string name) => $"listenerset {ns}/{name}";
}

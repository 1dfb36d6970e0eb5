using Envoy.Config.Core.V3;
using Meshc.Server.Resources;

namespace Meshc.Server.Snapshots;

/// <summary>
/// Which resources a node gets, chosen by its cluster (or its id when the cluster is empty):
/// <list type="bullet">
/// <item><c>*</c>: everything;</item>
/// <item><c>&lt;namespace&gt;/&lt;name&gt;</c>: the Gateway of that name, or else the Service a CiliumEnvoyConfig
/// claims (east-west) — its listener and everything the listener needs;</item>
/// <item><c>east-west</c>: every claimed Service's listener (what a per-node proxy serves);</item>
/// <item>anything else: nothing (the admin API shows the node and why).</item>
/// </list>
/// "Everything the listener needs" is the closure over <see cref="ResourceSet.Edges"/> (route configurations, clusters,
/// load assignments), plus the clusters of the same CiliumEnvoyConfig (names share its <c>namespace/name/</c> prefix),
/// which filters other than the router may name, and the API listeners that read the same route configurations.
/// </summary>
public static class NodeSelection
{
    public const string Everything = "*";
    public const string EastWest = "east-west";

    /// <summary>The selector a node is known by.</summary>
    public static string SelectorOf(Node? node) =>
        node is null ? "" : node.Cluster is { Length: > 0 } cluster ? cluster : node.Id ?? "";

    public static NodeSnapshot Build(string selector, ResourceSet set)
    {
        if (selector == Everything)
            return Snapshot(selector, "everything", set, set.ByType.ToDictionary(kv => kv.Key, kv => (IEnumerable<XdsResource>)kv.Value.Values));
        var bindings = Bindings(selector, set);
        if (bindings.Count == 0)
            return Snapshot(selector, $"nothing: no Gateway or claimed Service '{selector}' (use <namespace>/<name>, {EastWest} or {Everything})", set, new Dictionary<string, IEnumerable<XdsResource>>());
        var description = selector == EastWest ? $"{bindings.Count} claimed Services" : $"{bindings[0].Kind} {bindings[0].Namespace}/{bindings[0].Name}";
        var keys = Closure(set, bindings.Select(b => new ResourceKey(ResourceTypes.Listener, b.Listener)));
        var chosen = keys.GroupBy(k => k.TypeUrl)
            .ToDictionary(g => g.Key, g => g.Select(k => set.Of(g.Key).GetValueOrDefault(k.Name)).OfType<XdsResource>());
        var bindingResources = set.Of(ResourceTypes.Binding);
        chosen[ResourceTypes.Binding] = bindings.Select(b => bindingResources[$"{b.Kind}/{b.Namespace}/{b.Name}"]);
        return Snapshot(selector, description, set, chosen);
    }

    private static List<BindingEntry> Bindings(string selector, ResourceSet set)
    {
        if (selector == EastWest) return [.. set.Bindings.Where(b => b.Kind == "service")];
        var slash = selector.IndexOf('/');
        if (slash <= 0 || slash == selector.Length - 1) return [];
        var (ns, name) = (selector[..slash], selector[(slash + 1)..]);
        var matching = set.Bindings.Where(b => b.Namespace == ns && b.Name == name).ToList();
        // A Gateway and a Service may share a name; the Gateway is what '<namespace>/<gateway>' means first.
        return matching.Any(b => b.Kind == "gateway") ? [.. matching.Where(b => b.Kind == "gateway")] : matching;
    }

    private static HashSet<ResourceKey> Closure(ResourceSet set, IEnumerable<ResourceKey> roots)
    {
        var seen = new HashSet<ResourceKey>();
        var work = new Stack<ResourceKey>();
        void Push(ResourceKey key)
        {
            if (set.Of(key.TypeUrl).ContainsKey(key.Name) && seen.Add(key)) work.Push(key);
        }
        foreach (var root in roots)
        {
            Push(root);
            // Clusters of the listener's own CiliumEnvoyConfig: the agent qualifies names as namespace/cec/name.
            var prefix = root.Name.LastIndexOf('/') is var at and > 0 ? root.Name[..(at + 1)] : null;
            if (prefix is not null)
                foreach (var cluster in set.Of(ResourceTypes.Cluster).Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
                    Push(new ResourceKey(ResourceTypes.Cluster, cluster));
        }
        Follow(set, work, Push);
        // The API listeners made from a route configuration the node has, with what their own configuration needs.
        foreach (var (api, source) in set.ApiListeners)
            if (seen.Contains(new ResourceKey(ResourceTypes.Route, source))) Push(new ResourceKey(ResourceTypes.Listener, api));
        Follow(set, work, Push);
        return seen;
    }

    private static void Follow(ResourceSet set, Stack<ResourceKey> work, Action<ResourceKey> push)
    {
        while (work.TryPop(out var key))
            foreach (var next in set.Edges.GetValueOrDefault(key) ?? [])
                push(next);
    }

    private static NodeSnapshot Snapshot(string selector, string description, ResourceSet set, IReadOnlyDictionary<string, IEnumerable<XdsResource>> chosen)
    {
        var types = new Dictionary<string, TypeView>();
        foreach (var (type, resources) in chosen)
        {
            var visible = resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
            var wildcard = visible.Values
                .Where(r => !set.IsNamedOnly(type, r.Name))
                .OrderBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
            types[type] = new TypeView(visible, wildcard);
        }
        return new NodeSnapshot(selector, description, set.BundleId, types);
    }
}

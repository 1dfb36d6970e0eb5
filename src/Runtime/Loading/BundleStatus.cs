using YamlDotNet.RepresentationModel;

namespace Meshc.Runtime.Loading;

/// <summary>One status condition as a bundle's status files carry it.</summary>
public sealed record StatusCondition(string Type, bool Status, string Reason, string Message)
{
    /// <summary><c>Accepted=False NoMatchingParent: …</c>.</summary>
    public override string ToString() => $"{Type}={(Status ? "True" : "False")} {Reason}: {Message}";
}

/// <summary>A Gateway's status: its addresses, conditions, and its listeners' conditions by name.</summary>
public sealed record GatewayStatusEntry(string Namespace, string Name, IReadOnlyList<string> Addresses,
    IReadOnlyList<StatusCondition> Conditions, IReadOnlyList<(string Name, IReadOnlyList<StatusCondition> Conditions)> Listeners);

/// <summary>A route's status towards one parent (a Gateway, a ListenerSet or a Service: <see cref="ParentKind"/>).</summary>
public sealed record RouteParentEntry(string Kind, string Namespace, string Name, string ParentNamespace, string Parent,
    string? SectionName, IReadOnlyList<StatusCondition> Conditions)
{
    public string ParentKind { get; init; } = "Gateway";
}

/// <summary>A ListenerSet's status: its conditions, and its listeners' conditions by name.</summary>
public sealed record ListenerSetStatusEntry(string Namespace, string Name, IReadOnlyList<StatusCondition> Conditions,
    IReadOnlyList<(string Name, IReadOnlyList<StatusCondition> Conditions)> Listeners);

/// <summary>
/// The Gateway API status a bundle carries (<c>status/gateways/…</c>, <c>status/listenersets/…</c>,
/// <c>status/httproutes/…</c>, <c>status/grpcroutes/…</c>), read back so <c>meshc run</c> can say what the compiler
/// left out and why. A bundle compiled without the status target has none: then the lists are empty.
/// </summary>
public sealed record BundleStatus(IReadOnlyList<GatewayStatusEntry> Gateways, IReadOnlyList<RouteParentEntry> Routes)
{
    public IReadOnlyList<ListenerSetStatusEntry> ListenerSets { get; init; } = [];

    private static readonly (string Folder, string Kind)[] RouteFolders = [("status/httproutes/", "HTTPRoute"), ("status/grpcroutes/", "GRPCRoute")];

    public static BundleStatus Read(LoadedBundle bundle)
    {
        var gateways = new List<GatewayStatusEntry>();
        var routes = new List<RouteParentEntry>();
        var listenerSets = new List<ListenerSetStatusEntry>();
        foreach (var path in bundle.Files.Keys.Order(StringComparer.Ordinal))
        {
            if (path.StartsWith("status/gateways/", StringComparison.Ordinal))
            {
                var (meta, status) = Document(bundle.ReadText(path));
                gateways.Add(new GatewayStatusEntry(Text(meta, "namespace"), Text(meta, "name"),
                    [.. Items(status, "addresses").Select(a => Text(a, "value"))],
                    Conditions(status),
                    [.. Items(status, "listeners").Select(l => (Text(l, "name"), Conditions(l)))]));
            }
            else if (path.StartsWith("status/listenersets/", StringComparison.Ordinal))
            {
                var (meta, status) = Document(bundle.ReadText(path));
                listenerSets.Add(new ListenerSetStatusEntry(Text(meta, "namespace"), Text(meta, "name"), Conditions(status),
                    [.. Items(status, "listeners").Select(l => (Text(l, "name"), Conditions(l)))]));
            }
            else if (RouteFolders.FirstOrDefault(f => path.StartsWith(f.Folder, StringComparison.Ordinal)) is { Kind: { } kind })
            {
                var (meta, status) = Document(bundle.ReadText(path));
                var ns = Text(meta, "namespace");
                foreach (var parent in Items(status, "parents"))
                {
                    var parentRef = (YamlMappingNode)parent.Children[new YamlScalarNode("parentRef")];
                    var parentNamespace = Text(parentRef, "namespace");
                    routes.Add(new RouteParentEntry(kind, ns, Text(meta, "name"), parentNamespace.Length > 0 ? parentNamespace : ns,
                        Text(parentRef, "name"), Text(parentRef, "sectionName") is { Length: > 0 } section ? section : null, Conditions(parent))
                    {
                        ParentKind = Text(parentRef, "kind") is { Length: > 0 } parentKind ? parentKind : "Gateway",
                    });
                }
            }
        }
        return new BundleStatus(gateways, routes) { ListenerSets = listenerSets };
    }

    private static (YamlMappingNode Metadata, YamlMappingNode Status) Document(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return ((YamlMappingNode)root.Children[new YamlScalarNode("metadata")], (YamlMappingNode)root.Children[new YamlScalarNode("status")]);
    }

    private static List<StatusCondition> Conditions(YamlMappingNode owner) =>
        [.. Items(owner, "conditions").Select(c => new StatusCondition(Text(c, "type"), Text(c, "status") == "True", Text(c, "reason"), Text(c, "message")))];

    private static IEnumerable<YamlMappingNode> Items(YamlMappingNode owner, string key) =>
        owner.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlMappingNode>()
            : [];

    private static string Text(YamlMappingNode owner, string key) =>
        owner.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value ?? "" : "";
}

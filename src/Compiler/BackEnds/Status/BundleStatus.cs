using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.BackEnds.Status;

/// <summary>One status condition as a bundle's status files carry it.</summary>
public sealed record StatusCondition(string Type, bool Status, string Reason, string Message)
{
    /// <summary><c>Accepted=False NoMatchingParent: …</c>.</summary>
    public override string ToString() => $"{Type}={(Status ? "True" : "False")} {Reason}: {Message}";
}

/// <summary>A Gateway's status: its addresses, conditions, and its listeners' conditions by name.</summary>
public sealed record GatewayStatusEntry(string Namespace, string Name, IReadOnlyList<string> Addresses,
    IReadOnlyList<StatusCondition> Conditions, IReadOnlyList<(string Name, IReadOnlyList<StatusCondition> Conditions)> Listeners);

/// <summary>A route's status towards one parent: a Gateway or a ListenerSet (with its listener, when the route names one), or a Service (GAMMA).</summary>
public sealed record RouteParentEntry(string Kind, string Namespace, string Name, string ParentNamespace, string Parent,
    string? SectionName, IReadOnlyList<StatusCondition> Conditions)
{
    /// <summary>The parent's kind: <c>Gateway</c>, <c>ListenerSet</c>, or <c>Service</c> for a mesh route.</summary>
    public string ParentKind { get; init; } = "Gateway";

    /// <summary>The parent port the route names, if any (mesh routes name the Service port).</summary>
    public int? ParentPort { get; init; }
}

/// <summary>A ListenerSet's status: its conditions, and its listeners' conditions by name.</summary>
public sealed record ListenerSetStatusEntry(string Namespace, string Name, IReadOnlyList<StatusCondition> Conditions,
    IReadOnlyList<(string Name, IReadOnlyList<StatusCondition> Conditions)> Listeners);

/// <summary>
/// The Gateway API status a bundle carries (<see cref="StatusFiles"/>: Gateways, ListenerSets, HTTPRoutes and GRPCRoutes), read back
/// so that <c>meshc run</c> can say what the compiler left out and why, and <c>meshc graph</c> can draw it. A bundle
/// compiled without the status target has none: then the lists are empty.
/// </summary>
public sealed record BundleStatus(IReadOnlyList<GatewayStatusEntry> Gateways, IReadOnlyList<RouteParentEntry> Routes)
{
    public IReadOnlyList<ListenerSetStatusEntry> ListenerSets { get; init; } = [];

    private static readonly string[] RouteKinds = ["HTTPRoute", "GRPCRoute"];

    /// <summary>Reads the status files among <paramref name="paths"/> (bundle paths), through <paramref name="readText"/>.</summary>
    public static BundleStatus Read(IEnumerable<string> paths, Func<string, string> readText)
    {
        var gateways = new List<GatewayStatusEntry>();
        var routes = new List<RouteParentEntry>();
        var listenerSets = new List<ListenerSetStatusEntry>();
        var gatewayFolder = StatusFiles.Folder("Gateway");
        var listenerSetFolder = StatusFiles.Folder("ListenerSet");
        var routeFolders = RouteKinds.Select(k => (Folder: StatusFiles.Folder(k), Kind: k)).ToList();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            if (path.StartsWith(gatewayFolder, StringComparison.Ordinal))
            {
                var (meta, status) = Document(readText(path));
                gateways.Add(new GatewayStatusEntry(Text(meta, "namespace"), Text(meta, "name"),
                    [.. Items(status, "addresses").Select(a => Text(a, "value"))],
                    Conditions(status),
                    [.. Items(status, "listeners").Select(l => (Text(l, "name"), Conditions(l)))]));
            }
            else if (path.StartsWith(listenerSetFolder, StringComparison.Ordinal))
            {
                var (meta, status) = Document(readText(path));
                listenerSets.Add(new ListenerSetStatusEntry(Text(meta, "namespace"), Text(meta, "name"), Conditions(status),
                    [.. Items(status, "listeners").Select(l => (Text(l, "name"), Conditions(l)))]));
            }
            else if (routeFolders.FirstOrDefault(f => path.StartsWith(f.Folder, StringComparison.Ordinal)) is { Kind: { } kind })
            {
                var (meta, status) = Document(readText(path));
                var ns = Text(meta, "namespace");
                foreach (var parent in Items(status, "parents"))
                {
                    var parentRef = (YamlMappingNode)parent.Children[new YamlScalarNode("parentRef")];
                    var parentNamespace = Text(parentRef, "namespace");
                    routes.Add(new RouteParentEntry(kind, ns, Text(meta, "name"), parentNamespace.Length > 0 ? parentNamespace : ns,
                        Text(parentRef, "name"), Text(parentRef, "sectionName") is { Length: > 0 } section ? section : null, Conditions(parent))
                    {
                        ParentKind = Text(parentRef, "kind") is { Length: > 0 } parentKind ? parentKind : "Gateway",
                        ParentPort = int.TryParse(Text(parentRef, "port"), System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : null,
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

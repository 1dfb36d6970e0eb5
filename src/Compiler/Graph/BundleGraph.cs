namespace Meshc.Compiler.Graph;

/// <summary>What a node of a bundle's graph stands for; each kind is drawn in its own shape.</summary>
public enum GraphNodeKind
{
    /// <summary>A Gateway (its status: addresses, Accepted, Programmed).</summary>
    Gateway,
    /// <summary>A Gateway listener, as the Gateway's status names it.</summary>
    Listener,
    /// <summary>An HTTPRoute or GRPCRoute object, as its status names it, beside the parent it asked for.</summary>
    RouteObject,
    /// <summary>A route configuration a parent serves (Envoy's RDS resource).</summary>
    RouteTable,
    /// <summary>One programmed route: a virtual host's match and what it does.</summary>
    Route,
    /// <summary>A Service: a backend, or the parent of mesh (GAMMA) routes.</summary>
    Service,
    /// <summary>A cluster that is not a Service's (no EDS service name).</summary>
    Cluster,
    /// <summary>One endpoint address of a Service.</summary>
    Endpoint,
}

/// <summary>A node: a stable id (unique in its graph), what it is, its label, and why it is broken (null when it is not).</summary>
public sealed record GraphNode(string Id, GraphNodeKind Kind, string Label, string? Problem = null);

/// <summary>An edge between two node ids, with its label (a weight, a port) and why it is broken (null when it is not).</summary>
public sealed record GraphEdge(string From, string To, string? Label = null, string? Problem = null);

/// <summary>A bundle's Gateway → listener → route → Service → endpoint graph: nodes and edges sorted, each once.</summary>
public sealed record BundleGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

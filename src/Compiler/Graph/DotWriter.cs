using System.Text;

namespace Meshc.Compiler.Graph;

/// <summary>
/// Writes a <see cref="BundleGraph"/> as Graphviz DOT: left to right, one shape per node kind, the weights on the edges,
/// and what is broken in red with the reason in its tooltip (and its first words in the label). The graph is already
/// sorted, so the same bundle always gives the same text. Every name goes through <see cref="DotText.Quote"/>.
/// </summary>
public static class DotWriter
{
    public static string Write(BundleGraph graph)
    {
        var dot = new StringBuilder();
        dot.Append("digraph meshc {\n");
        dot.Append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10];\n");
        dot.Append("  node [fontname=\"Helvetica\", fontsize=10];\n");
        dot.Append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var node in graph.Nodes)
        {
            var label = node.Problem is { } problem ? $"{node.Label}\n{Headline(problem)}" : node.Label;
            dot.Append("  ").Append(DotText.Quote(node.Id))
                .Append(" [label=").Append(DotText.Quote(label))
                .Append(", shape=").Append(Shape(node.Kind))
                .Append(", tooltip=").Append(DotText.Quote(node.Problem ?? node.Label));
            if (node.Problem is not null) dot.Append(", color=red, fontcolor=red, penwidth=2");
            dot.Append("];\n");
        }
        foreach (var edge in graph.Edges)
        {
            dot.Append("  ").Append(DotText.Quote(edge.From)).Append(" -> ").Append(DotText.Quote(edge.To));
            var attributes = new List<string>();
            if (edge.Label is not null || edge.Problem is not null)
                attributes.Add("label=" + DotText.Quote(edge.Problem is { } refused ? Headline(refused) : edge.Label!));
            if (edge.Problem is not null) attributes.AddRange(["tooltip=" + DotText.Quote(edge.Problem), "color=red", "fontcolor=red", "style=dashed"]);
            if (attributes.Count > 0) dot.Append(" [").Append(string.Join(", ", attributes)).Append(']');
            dot.Append(";\n");
        }
        dot.Append("}\n");
        return dot.ToString();
    }

    // "Accepted=False NoMatchingListenerHostname: HTTPRoute …" → "Accepted=False NoMatchingListenerHostname".
    private static string Headline(string problem) => problem.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 ? problem[..colon] : problem;

    private static string Shape(GraphNodeKind kind) => kind switch
    {
        GraphNodeKind.Gateway => "doubleoctagon",
        GraphNodeKind.Listener => "cds",
        GraphNodeKind.RouteObject => "note",
        GraphNodeKind.RouteTable => "folder",
        GraphNodeKind.Route => "box",
        GraphNodeKind.Service => "component",
        GraphNodeKind.Cluster => "box3d",
        GraphNodeKind.Endpoint => "ellipse",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown node kind"),
    };
}

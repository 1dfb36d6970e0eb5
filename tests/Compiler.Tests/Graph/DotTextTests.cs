using Meshc.Compiler.Graph;

namespace Meshc.Compiler.Tests.Graph;

/// <summary>Names from the input reach DOT only quoted and escaped, so a hostile name stays one name.</summary>
public sealed class DotTextTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("ends in \\", "\"ends in \\\\\"")]
    [InlineData("\\N \\G \\l", "\"\\\\N \\\\G \\\\l\"")]
    [InlineData("two\nlines", "\"two\\nlines\"")]
    [InlineData("bell\a cr\r tab\t", "\"bell  cr  tab \"")]
    [InlineData("<b>html</b>", "\"<b>html</b>\"")]
    [InlineData("a\"];\"x\" -> \"y", "\"a\\\"];\\\"x\\\" -> \\\"y\"")]
    public void Quote_EscapesWhatDotWouldRead(string text, string expected) => Assert.Equal(expected, DotText.Quote(text));

    [Fact]
    public void Writer_QuotesIdsLabelsAndTooltips()
    {
        var hostile = "evil\"] ; x -> y [label=\"\\";
        var graph = new BundleGraph(
            [new GraphNode(hostile, GraphNodeKind.Route, hostile, hostile), new GraphNode("b", GraphNodeKind.Service, "b")],
            [new GraphEdge(hostile, "b", hostile)]);
        var dot = DotWriter.Write(graph);
        // Each statement stays on its line: two nodes, one edge, and the hostile text never closes a quote.
        var statements = dot.Split('\n').Where(l => l.StartsWith("  \"", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, statements.Count);
        Assert.All(statements, s => Assert.EndsWith(";", s, StringComparison.Ordinal));
        Assert.Contains(DotText.Quote(hostile) + " -> \"b\"", dot, StringComparison.Ordinal);
    }
}

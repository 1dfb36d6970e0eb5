using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Yaml;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Yaml;

/// <summary>
/// The reader parses a well-formed file in one go and cuts it into documents only after a syntax error; both ways must
/// give the same objects at the same positions.
/// </summary>
public sealed class YamlSourceReaderTests
{
    private const string ThreeObjects = """
        # leading comment
        apiVersion: v1
        kind: Namespace
        metadata: {name: a}
        ---
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: b
        --- {apiVersion: v1, kind: Namespace, metadata: {name: c}}
        """;

    [Fact]
    public void Read_WellFormedFile_GivesEveryObjectAtItsPosition()
    {
        var diagnostics = new DiagnosticBag();

        var objects = YamlSourceReader.Read(new SourceText("ns.yaml", ThreeObjects), diagnostics).ToList();

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal([new("ns.yaml", 2, 1), new("ns.yaml", 7, 1), new("ns.yaml", 11, 5)], objects.Select(o => o.Location));
    }

    [Fact]
    public void Read_SyntaxErrorInOneDocument_ReportsItAndKeepsTheOthersAtTheSamePositions()
    {
        var broken = ThreeObjects.Replace("metadata: {name: a}", "metadata: {name: [a}");
        var diagnostics = new DiagnosticBag();

        var objects = YamlSourceReader.Read(new SourceText("ns.yaml", broken), diagnostics).ToList();

        var error = Assert.Single(diagnostics.ToImmutableSorted());
        Assert.Equal(DiagnosticCatalog.YamlSyntax.Code, error.Code);
        Assert.Equal(4, error.Location.Line);
        Assert.Equal([new("ns.yaml", 7, 1), new("ns.yaml", 11, 5)], objects.Select(o => o.Location));
    }

    [Fact]
    public void Read_UnclosedFlowMappingInLastDocument_ReportsItAndKeepsTheOthers()
    {
        var broken = ThreeObjects.Replace("metadata: {name: c}}", "metadata: {name: c}");
        var diagnostics = new DiagnosticBag();

        var objects = YamlSourceReader.Read(new SourceText("ns.yaml", broken), diagnostics).ToList();

        Assert.Equal(DiagnosticCatalog.YamlSyntax.Code, Assert.Single(diagnostics.ToImmutableSorted()).Code);
        Assert.Equal([new("ns.yaml", 2, 1), new("ns.yaml", 7, 1)], objects.Select(o => o.Location));
    }
}

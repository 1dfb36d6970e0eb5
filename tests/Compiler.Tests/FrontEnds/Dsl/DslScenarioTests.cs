using System.Text.Json.Nodes;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>
/// Each scenario written in the DSL (examples/*.dsl) produces the same IR as its YAML (examples/&lt;scenario&gt;/),
/// positions aside; every pass and back end is shared, so the xDS is the same too. The DSL also meets the
/// brevity target: at most a fifth of the YAML's lines.
/// </summary>
public sealed class DslScenarioTests
{
    public static TheoryData<string, string[]> Scenarios() => new()
    {
        { "examples/gateway-echo.dsl", ["examples/gateway-echo"] },
        { "examples/gateway-redirects.dsl", ["examples/gateway-echo", "examples/gateway-redirects"] },
        { "examples/bookstore-canary.dsl", ["examples/bookstore-canary"] },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_DslAndYaml_GiveTheSameIr(string dsl, string[] yamlFolders)
    {
        var fromDsl = Compilation.Create([DslTesting.File(dsl)]).Check();
        var fromYaml = Compilation.Create(yamlFolders.SelectMany(f => DslTesting.Folder(Path.Combine(RepositoryPaths.Root, f)))).Check();

        Assert.False(fromDsl.HasErrors, DslTesting.Printed(fromDsl));
        Assert.Equal(DslTesting.Normalize(fromYaml.Model, DropTotalWeight), DslTesting.Normalize(fromDsl.Model));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_Dsl_IsAtMostAFifthOfTheYaml(string dsl, string[] yamlFolders)
    {
        var scenario = Path.GetFileNameWithoutExtension(dsl);
        var yamlLines = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "examples", scenario), "*.yaml")
            .Sum(f => File.ReadAllLines(f).Length);
        var dslLines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, dsl)).Length;

        Assert.NotEmpty(yamlFolders);
        Assert.True(dslLines * 5 <= yamlLines, $"{dsl}: {dslLines} lines against {yamlLines} lines of YAML");
    }

    /// <summary>
    /// WeightedCluster.total_weight is deprecated and ignored by Envoy (it splits by the listed weights); the
    /// bookstore YAML still carries it, the DSL never writes it, and the CEC front end drops it from the bundle.
    /// </summary>
    private static void DropTotalWeight(JsonObject resource)
    {
        foreach (var node in Descendants(resource).OfType<JsonObject>().Where(o => o.ContainsKey("total_weight")).ToList())
            node.Remove("total_weight");
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
            foreach (var d in Descendants(child))
                yield return d;
    }
}

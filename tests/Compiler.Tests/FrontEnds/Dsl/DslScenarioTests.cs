using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>
/// Each scenario written in the DSL (examples/*.dsl) produces the same IR as its YAML (examples/&lt;scenario&gt;/),
/// positions aside, and byte for byte the same xDS. The DSL also meets the brevity target: at most a fifth of the
/// YAML's lines.
/// </summary>
public sealed class DslScenarioTests
{
    public static TheoryData<string, string[]> Scenarios() => new()
    {
        { "examples/gateway-echo.dsl", ["examples/gateway-echo"] },
        { "examples/gateway-redirects.dsl", ["examples/gateway-echo", "examples/gateway-redirects"] },
        { "examples/bookstore-canary.dsl", ["examples/bookstore-canary-gamma"] },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_DslAndYaml_GiveTheSameIr(string dsl, string[] yamlFolders)
    {
        var fromDsl = Compilation.Create([DslTesting.File(dsl)]).Check();
        var fromYaml = Compilation.Create(yamlFolders.SelectMany(f => DslTesting.Folder(Path.Combine(RepositoryPaths.Root, f)))).Check();

        Assert.False(fromDsl.HasErrors, DslTesting.Printed(fromDsl));
        Assert.Equal(DslTesting.Normalize(fromYaml.Model), DslTesting.Normalize(fromDsl.Model));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_DslAndYaml_GiveTheSameXds(string dsl, string[] yamlFolders)
    {
        var fromDsl = Compilation.Create([DslTesting.File(dsl)]).Emit(EmitTargets.Xds);
        var fromYaml = Compilation.Create(yamlFolders.SelectMany(f => DslTesting.Folder(Path.Combine(RepositoryPaths.Root, f)))).Emit(EmitTargets.Xds);

        Assert.True(fromDsl.Bundle is not null, DslTesting.Printed(fromDsl));
        var xds = fromYaml.Bundle!.Files.Where(f => f.Path.StartsWith("xds/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(xds);
        foreach (var file in xds)
            Assert.Equal(System.Text.Encoding.UTF8.GetString(file.Content), fromDsl.Bundle.ReadText(file.Path));
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
}

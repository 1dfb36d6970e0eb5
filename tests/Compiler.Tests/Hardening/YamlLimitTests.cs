using System.Diagnostics;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Yaml;
using Meshc.Compiler.Text;
using Meshc.Compiler.Text.Yaml;

namespace Meshc.Compiler.Tests.Hardening;

/// <summary>
/// YAML that would exhaust memory or the stack is stopped at the event that breaks a bound, with a diagnostic at that
/// position, and the rest of the file still loads. Each input here took meshc past 12 GB or overflowed its stack before.
/// </summary>
public sealed class YamlLimitTests
{
    private const string Header = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: default}\nspec:\n";

    private const string After = "---\napiVersion: v1\nkind: Service\nmetadata: {name: after, namespace: default}\nspec: {ports: [{port: 80}]}\n";

    /// <summary>Under 1 KB, nine levels of nine aliases each: 9^9 nodes once expanded.</summary>
    public static string AliasBomb()
    {
        var text = Header + "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (var level = 1; level <= 9; level++)
            text += $"  a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 9))}]\n";
        return text;
    }

    private static (List<YamlObject> Objects, IReadOnlyList<Diagnostic> Diagnostics) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        var objects = YamlSourceReader.Read(new SourceText("in.yaml", text), diagnostics).ToList();
        return (objects, diagnostics.ToImmutableSorted());
    }

    [Fact]
    public void AliasBomb_IsStoppedWithMC0114_AtTheAliasThatBreaksTheRule_AndTheNextDocumentLoads()
    {
        var text = AliasBomb() + After;
        Assert.True(AliasBomb().Length < 1024);
        var clock = Stopwatch.StartNew();

        var (objects, diagnostics) = Read(text);

        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCatalog.YamlAliasExpansion.Code, error.Code);
        Assert.Equal(8, error.Location.Line); // level 3: by its ninth alias over 99% of the nodes are copies
        Assert.Contains("Kubernetes API server", error.Message);
        Assert.Equal("after", Assert.Single(objects).Root.Map("metadata").Str("name"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30)); // bound only against a hang; it takes milliseconds
    }

    [Fact]
    public void WholeCompilation_OfTheAliasBomb_EndsWithTheDiagnostic()
    {
        var result = Compilation.Create([new SourceText("bomb.yaml", AliasBomb())]).Check();
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCatalog.YamlAliasExpansion.Code);
    }

    [Fact]
    public void ModestAliasing_IsAccepted()
    {
        // Anchors reused a few times, as people write them to share labels: well within the rule.
        var text = Header + "  a: &labels {app: x, tier: web}\n  b: *labels\n  c: *labels\n";
        var (objects, diagnostics) = Read(text);
        Assert.Empty(diagnostics);
        Assert.Single(objects);
    }

    [Fact]
    public void AliasOfAnEnclosingNode_IsMC0115_NotAnEndlessTree()
    {
        var (_, diagnostics) = Read(Header + "  x: &a [1, *a]\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCatalog.YamlRecursiveAlias.Code, error.Code);
        Assert.Equal((5, 13), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void AliasWithoutAnchor_IsASyntaxErrorAtTheAlias()
    {
        var (_, diagnostics) = Read(Header + "  x: *nowhere\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCatalog.YamlSyntax.Code, error.Code);
        Assert.Equal((5, 6), (error.Location.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("flow", 5, 132)]
    [InlineData("block", 132, 257)]
    public void DeepNesting_IsMC0113_AtTheLevelPastTheBound_NotAStackOverflow(string style, int line, int column)
    {
        const int levels = 100_000;
        var deep = style == "flow"
            ? "  x: " + new string('[', levels) + new string(']', levels) + "\n"
            : string.Concat(Enumerable.Range(0, 3000).Select(i => new string(' ', 2 + 2 * i) + "k:\n")) + new string(' ', 6002) + "v\n";

        var (objects, diagnostics) = Read(Header + deep + After);

        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCatalog.YamlNestingTooDeep.Code, error.Code);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
        Assert.Single(objects);
    }

    [Fact]
    public void NestingUpToTheBound_IsRead()
    {
        // The document's root mapping and spec take two levels.
        var levels = YamlLimits.MaxDepth - 2;
        var (_, diagnostics) = Read(Header + "  x: " + new string('[', levels) + new string(']', levels) + "\n");
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCatalog.YamlNestingTooDeep.Code);
    }

    [Fact]
    public void ManyBrokenDocuments_StopAfterTheBound_WithMC0116()
    {
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"---\nkey: [unclosed {i}\n"));
        var clock = Stopwatch.StartNew();

        var (_, diagnostics) = Read(text);

        Assert.Equal(YamlSourceReader.MaxBrokenDocuments, diagnostics.Count(d => d.Code == DiagnosticCatalog.YamlSyntax.Code));
        Assert.Single(diagnostics, d => d.Code == DiagnosticCatalog.YamlTooManyErrors.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void ErrorBetweenDocuments_ReadsEachGoodDocumentOnce()
    {
        // The failure comes while the first document is being closed (in the directives after it): it is read once.
        var text = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n...\n%YAML 1.1\n%YAML 1.1\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n";
        var (objects, diagnostics) = Read(text);
        Assert.Equal(["a", "b"], objects.Select(o => o.Root.Map("metadata").Str("name")));
        Assert.Equal(DiagnosticCatalog.YamlSyntax.Code, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void DiffReader_OfADeepYamlFile_RefusesItAsYaml()
    {
        // meshc diff reads a bundle's YAML through the same bounded loader.
        Assert.Throws<YamlLimitException>(() => BoundedYaml.Load("x: " + new string('[', 10_000) + new string(']', 10_000)));
    }
}

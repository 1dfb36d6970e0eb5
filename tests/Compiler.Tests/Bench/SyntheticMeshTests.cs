using Meshc.Compiler.Benchmarks.Inputs;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Tests.Bench;

/// <summary>
/// The benchmark input generator: deterministic, the requested size, every feature the benchmark claims to exercise,
/// and — most important — an input that compiles without errors, or the benchmark would time the error path.
/// </summary>
public sealed class SyntheticMeshTests
{
    private static readonly MeshShape Thousand = new(1_000, 100, 100);

    [Fact]
    public void Generate_SameShapeAndSeed_GivesSameText()
    {
        var first = SyntheticMesh.Generate(Thousand);
        var second = SyntheticMesh.Generate(Thousand);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherText()
    {
        var first = SyntheticMesh.Generate(Thousand);
        var other = SyntheticMesh.Generate(Thousand with { Seed = 7 });

        Assert.NotEqual(first.Select(s => s.Text), other.Select(s => s.Text));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(100, 10, 10)]
    [InlineData(1_000, 100, 100)]
    [InlineData(250, 3, 37)]
    public void Emit_GeneratedInput_HasNoErrorsAndFewWarnings(int routes, int gateways, int services)
    {
        var result = Compilation.Create(SyntheticMesh.Generate(new MeshShape(routes, gateways, services))).Emit(EmitTargets.Default);

        Assert.Empty(result.Diagnostics.Where(d => d.Severity == Severity.Error));
        Assert.True(result.Diagnostics.Count(d => d.Severity == Severity.Warning) <= routes / 100,
            string.Join("\n", result.Diagnostics.Take(10)));
        Assert.NotNull(result.Bundle);
    }

    [Fact]
    public void Generate_Shape_GivesRequestedObjectCounts()
    {
        var model = Compilation.Create(SyntheticMesh.Generate(new MeshShape(250, 3, 37))).Model;

        Assert.Equal(250, model.Routes.Count);
        Assert.Equal(3, model.Gateways.Count);
        Assert.Equal(37, model.Services.Count);
        Assert.Equal(37, model.EndpointSlices.Count);
        Assert.Equal(4, model.ReferenceGrants.Count);
    }

    [Fact]
    public void Generate_ThousandRoutes_UsesEveryFeatureTheBenchmarkClaims()
    {
        var model = Compilation.Create(SyntheticMesh.Generate(Thousand)).Model;
        var rules = model.Routes.SelectMany(r => r.Rules).ToList();
        var filters = rules.SelectMany(r => r.Filters).ToList();
        var matches = rules.SelectMany(r => r.Matches).ToList();

        Assert.InRange(rules.Count / (double)model.Routes.Count, 1.5, 2.5);
        Assert.Contains(matches, m => m.Path?.Kind == PathMatchKind.Exact);
        Assert.Contains(matches, m => m.Headers.Count > 0);
        Assert.Contains(rules, r => r.Backends.Count == 2 && r.Backends.All(b => b.Weight != 1));
        Assert.Contains(filters, f => f is HeaderModifierFilter);
        Assert.Contains(filters, f => f is UrlRewriteFilter);
        Assert.Contains(filters, f => f is RequestRedirectFilter);
        Assert.Contains(model.Routes, r => r.Rules.Any(rule => rule.Backends.Any(b => b.Namespace is not null && b.Namespace != r.Meta.Namespace)));
        Assert.Contains(model.Gateways, g => g.Listeners.Count == 2);
        Assert.Contains(model.Gateways, g => g.Listeners.Any(l => l.AllowedRoutes.From == NamespacesFrom.Selector));
    }

    [Fact]
    public void WriteTo_Folder_LoadsBackAsTheSameInput()
    {
        var sources = SyntheticMesh.Generate(new MeshShape(50, 5, 12));
        var folder = Directory.CreateTempSubdirectory("meshc-synthetic-");
        try
        {
            SyntheticMesh.WriteTo(sources, folder.FullName);
            var loaded = SourceLoader.Load([folder.FullName], new DiagnosticBag());

            Assert.Equal(sources.Select(s => s.Text).Order(), loaded.Select(s => s.Text).Order());
            Assert.Empty(Compilation.Create(loaded).Emit().Diagnostics.Where(d => d.Severity == Severity.Error));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

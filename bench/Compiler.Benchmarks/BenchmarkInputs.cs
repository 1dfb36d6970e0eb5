using Meshc.Compiler.Benchmarks.Inputs;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Benchmarks;

/// <summary>The benchmark sizes (R routes over R/10 Gateways and R/10 Services) and a guard that the input is clean.</summary>
public static class BenchmarkInputs
{
    public static MeshShape ShapeFor(int routes) => new(routes, Math.Max(1, routes / 10), Math.Max(1, routes / 10));

    /// <summary>Generates the input and fails loudly if it does not compile without errors (timing a failed compile means nothing).</summary>
    public static IReadOnlyList<SourceText> Create(int routes)
    {
        var sources = SyntheticMesh.Generate(ShapeFor(routes));
        var result = Compilation.Create(sources).Emit(EmitTargets.Default);
        var errors = result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).Take(5).ToList();
        if (errors.Count > 0 || result.Bundle is null)
            throw new InvalidOperationException($"synthetic input ({ShapeFor(routes)}) does not compile:\n  " + string.Join("\n  ", errors));
        return sources;
    }
}

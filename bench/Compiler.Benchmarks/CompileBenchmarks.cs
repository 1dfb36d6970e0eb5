using BenchmarkDotNet.Attributes;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Benchmarks;

/// <summary>The whole pipeline, as <c>meshc compile</c> runs it: YAML parse, schema check, passes, back ends, bundle.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class CompileBenchmarks
{
    private IReadOnlyList<SourceText> _sources = [];

    [Params(100, 1_000, 10_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup() => _sources = BenchmarkInputs.Create(Routes);

    [Benchmark(Description = "Emit(Default)")]
    public EmitResult Emit() => Compilation.Create(_sources).Emit(EmitTargets.Default);
}

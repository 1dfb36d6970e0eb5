using BenchmarkDotNet.Attributes;
using Meshc.Compiler.Text;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.Benchmarks;

/// <summary>
/// The phases that the public API can isolate, so a regression in the whole-pipeline number can be placed:
/// plain YAML parsing (the floor of the front end), the analysis (front end, schema check and passes: reading
/// <see cref="Compilation.Model"/> runs it), and the back ends alone (Emit on a compilation whose analysis is already
/// done; Compilation caches it). <see cref="Compilation.Check"/> is no phase: it runs the back ends too.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class PhaseBenchmarks
{
    private IReadOnlyList<SourceText> _sources = [];
    private Compilation _analysed = null!;

    [Params(1_000, 10_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sources = BenchmarkInputs.Create(Routes);
        _analysed = Compilation.Create(_sources);
        _ = _analysed.Model;
    }

    [Benchmark(Description = "YamlDotNet load only")]
    public int YamlParse()
    {
        var documents = 0;
        foreach (var source in _sources)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(source.Text));
            documents += stream.Documents.Count;
        }
        return documents;
    }

    [Benchmark(Description = "Analysis (front end + schema + passes)")]
    public Ir.MeshModel Analysis() => Compilation.Create(_sources).Model;

    [Benchmark(Description = "Emit(Default), analysis cached")]
    public EmitResult BackEnds() => _analysed.Emit(EmitTargets.Default);
}

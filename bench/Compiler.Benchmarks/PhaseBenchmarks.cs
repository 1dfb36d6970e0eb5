using BenchmarkDotNet.Attributes;
using Meshc.Compiler.Text;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.Benchmarks;

/// <summary>
/// The phases that the public API can isolate, so a regression in the whole-pipeline number can be placed:
/// plain YAML parsing (the floor of the front end), <see cref="Compilation.Check"/> (front end + passes), and the back
/// ends alone (Emit on a compilation whose analysis is already done; Compilation caches it).
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
        _analysed.Check();
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

    [Benchmark(Description = "Check (front end + passes)")]
    public EmitResult Check() => Compilation.Create(_sources).Check();

    [Benchmark(Description = "Emit(Default), analysis cached")]
    public EmitResult BackEnds() => _analysed.Emit(EmitTargets.Default);
}

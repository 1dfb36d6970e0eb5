using BenchmarkDotNet.Attributes;
using Meshc.Compiler;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Text;

namespace Meshc.Dsl.Benchmarks;

/// <summary>Parsing alone, and the whole front end plus passes (<see cref="Compilation.Check"/>), at three sizes.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private SourceText _source = null!;

    [Params(1_000, 10_000)]
    public int Routes { get; set; }

    [GlobalSetup]
    public void Setup() => _source = new SourceText("bench.dsl", DslInput.Routes(Routes));

    [Benchmark]
    public int Parse() => DslParse.Parse(_source, new DiagnosticBag()).Tree.ChildCount;

    [Benchmark]
    public int Check() => Compilation.Create([_source]).Check().Model.Routes.Count;
}

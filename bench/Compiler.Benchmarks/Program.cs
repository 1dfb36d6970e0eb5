using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Meshc.Compiler.Benchmarks;
using Meshc.Compiler.Benchmarks.Inputs;

// Three modes:
//   --write DIR [--routes R] [--gateways G] [--services S] [--seed N]   write a synthetic input for `meshc compile DIR`
//   --phases [R...]                                                      quick Stopwatch timing of each public phase
//   anything else                                                        BenchmarkDotNet (e.g. --filter '*')
if (args.Length > 0 && args[0] == "--write") return WriteInput(args);
if (args.Length > 0 && args[0] == "--phases") return PhaseTimer.Run(args.Skip(1).Select(int.Parse).DefaultIfEmpty(1_000), Console.Out);
// BenchmarkDotNet rebuilds the compiler (protos included) for its job; on a busy 2-core machine that takes longer than
// its default two minutes.
BenchmarkSwitcher.FromAssembly(typeof(CompileBenchmarks).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
return 0;

static int WriteInput(string[] args)
{
    if (args.Length < 2)
    {
        Console.Error.WriteLine("usage: --write DIR [--routes R] [--gateways G] [--services S] [--seed N]");
        return 2;
    }
    int Option(string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    var routes = Option("--routes", 1_000);
    var shape = new MeshShape(routes, Option("--gateways", Math.Max(1, routes / 10)), Option("--services", Math.Max(1, routes / 10)),
        (ulong)Option("--seed", (int)MeshShape.DefaultSeed));
    var sources = SyntheticMesh.Generate(shape);
    SyntheticMesh.WriteTo(sources, args[1]);
    Console.WriteLine($"wrote {sources.Count} files ({sources.Sum(s => s.Text.Length) / 1024} KiB) for {shape} to {args[1]}");
    return 0;
}

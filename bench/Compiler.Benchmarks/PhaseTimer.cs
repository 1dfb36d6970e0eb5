using System.Diagnostics;
using Meshc.Compiler.Benchmarks.Inputs;

namespace Meshc.Compiler.Benchmarks;

/// <summary>
/// A quick look without BenchmarkDotNet: times each public phase with a Stopwatch (best of a few runs after a warm-up)
/// and reports the process CPU time and the bytes it allocated. CPU time is the steadier figure when other work shares
/// the machine. Good for a before/after check while changing code; use the benchmarks for numbers.
/// </summary>
public static class PhaseTimer
{
    private const int Runs = 3;

    public static int Run(IEnumerable<int> sizes, TextWriter output)
    {
        output.WriteLine($"{"routes",7} {"phase",-34} {"wall ms",9} {"cpu ms",9} {"alloc MB",9}");
        foreach (var routes in sizes)
        {
            var shape = BenchmarkInputs.ShapeFor(routes);
            var sources = Measure(output, routes, "generate input", () => SyntheticMesh.Generate(shape));
            Measure(output, routes, "analysis (front end+schema+passes)", () => Compilation.Create(sources).Model);
            var analysed = Compilation.Create(sources);
            _ = analysed.Model;
            Measure(output, routes, "Emit(Xds), analysis cached", () => analysed.Emit(EmitTargets.Xds));
            Measure(output, routes, "Emit(Status), analysis cached", () => analysed.Emit(EmitTargets.Status));
            Measure(output, routes, "Emit(Default), analysis cached", () => analysed.Emit(EmitTargets.Default));
            var full = Measure(output, routes, "Emit(Default), whole pipeline", () => Compilation.Create(sources).Emit(EmitTargets.Default));
            var counts = full.Diagnostics.GroupBy(d => d.Code.Value).Select(g => $"{g.Key}×{g.Count()}");
            output.WriteLine($"{routes,7} diagnostics: {string.Join(", ", counts.DefaultIfEmpty("none"))}; " +
                $"bundle: {full.Bundle?.Files.Length ?? 0} files, {full.Bundle?.Files.Sum(f => (long)f.Content.Length) / 1024 ?? 0} KiB");
        }
        return 0;
    }

    private static T Measure<T>(TextWriter output, int routes, string phase, Func<T> run)
    {
        var best = TimeSpan.MaxValue;
        var bestCpu = TimeSpan.MaxValue;
        long allocated = 0;
        using var process = Process.GetCurrentProcess();
        T value = run();
        for (var i = 0; i < Runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            value = run();
            clock.Stop();
            process.Refresh();
            if (process.TotalProcessorTime - cpu < bestCpu) bestCpu = process.TotalProcessorTime - cpu;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (clock.Elapsed < best) best = clock.Elapsed;
        }
        output.WriteLine($"{routes,7} {phase,-34} {best.TotalMilliseconds,9:F1} {bestCpu.TotalMilliseconds,9:F1} {allocated / 1048576.0,9:F1}");
        return value;
    }
}

using System.Diagnostics;
using Meshc.Compiler;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Text;

namespace Meshc.Dsl.Benchmarks;

/// <summary>
/// <c>--quick</c>: times the parse of 1,000 and 10,000 routes with a stopwatch (best of five, after a warm-up) and
/// the bytes allocated per input byte, and fails (exit 1) when 10,000 routes take over a second. Seconds, not minutes.
/// </summary>
public static class QuickTimer
{
    public static int Run(TextWriter output)
    {
        var ok = true;
        foreach (var routes in new[] { 1_000, 10_000 })
        {
            var source = new SourceText("bench.dsl", DslInput.Routes(routes));
            var parse = Best(() => DslParse.Parse(source, new DiagnosticBag()));
            var check = Best(() => Compilation.Create([source]).Check());
            var allocated = Allocated(() => DslParse.Parse(source, new DiagnosticBag()));
            output.WriteLine($"{routes,6} routes, {source.Text.Length / 1024,5} KiB: parse {parse.TotalMilliseconds,7:F1} ms, " +
                $"check {check.TotalMilliseconds,7:F1} ms, parse allocates {allocated / (double)source.Text.Length,5:F1} bytes per input byte");
            if (routes == 10_000 && parse > TimeSpan.FromSeconds(1)) ok = false;
        }
        return ok ? 0 : 1;
    }

    private static TimeSpan Best(Action action)
    {
        action();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        return best;
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}

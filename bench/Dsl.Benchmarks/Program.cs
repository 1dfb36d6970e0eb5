using BenchmarkDotNet.Running;
using Meshc.Dsl.Benchmarks;

// `dotnet run -c Release -- --quick` prints stopwatch timings in seconds; anything else goes to BenchmarkDotNet.
if (args.Contains("--quick")) return QuickTimer.Run(Console.Out);
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
return 0;

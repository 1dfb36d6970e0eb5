using Meshc.Compiler;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Cli;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.Runtime.Model;
using Meshc.Runtime.RouteTests;

namespace Meshc.Runtime.Cli;

/// <summary>
/// <c>meshc test</c>: route tests in Envoy router_check_tool's schema, run with the runtime's router against a bundle
/// folder or inputs compiled in memory. Prints each failed check at its place in the test file, the totals and the
/// route coverage; writes JUnit XML on request. Exit codes as everywhere in meshc: 0 pass, 1 failures (or errors in an
/// input or test file, or coverage under <c>--fail-under</c>), 2 usage or I/O.
/// </summary>
public static class TestCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (TestArguments.AsksForHelp(args))
        {
            stdout.WriteLine(TestArguments.Help);
            return ExitCodes.Ok;
        }
        var (parsed, usageError) = TestArguments.Parse(args);
        if (parsed is null)
        {
            stderr.WriteLine($"meshc test: {usageError}\n{TestArguments.Usage}");
            return ExitCodes.UsageOrIo;
        }
        var diagnostics = new DiagnosticBag();
        var sources = SourceLoader.Load(parsed.TestFiles, diagnostics);
        if (diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(diagnostics.ToImmutableSorted(), stderr, verbose: false);
            return ExitCodes.UsageOrIo;
        }
        var files = sources.Select(s => RouteTestReader.Read(s.Path, s.Text, diagnostics)).ToList();
        var (snapshot, exit) = Snapshot(parsed, stderr);
        if (snapshot is null || diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(diagnostics.ToImmutableSorted(), stderr, verbose: false);
            return snapshot is null ? exit : ExitCodes.InputErrors;
        }
        var run = RouteTestRunner.Run(snapshot, files.OfType<RouteTestFile>().ToList(), diagnostics);
        DiagnosticPrinter.Print(diagnostics.ToImmutableSorted(), stderr, verbose: false);
        if (run is null) return ExitCodes.InputErrors;

        PrintResults(run, parsed.Details, stdout);
        var coverage = run.Coverage.Report(parsed.Comprehensive);
        if (parsed.Coverage) PrintCoverage(coverage, stdout);
        var hit = coverage.Units.Count(u => u.Hit);
        stdout.WriteLine($"Current route coverage: {CoverageReport.Format(coverage.Percent)} ({hit} of {coverage.Units.Count} routes hit" +
                         (coverage.Comprehensive ? ", counting every field" : "") + ")");
        var coverageMet = parsed.FailUnder is not { } least || coverage.Percent >= least;
        if (!coverageMet) stdout.WriteLine($"Failed to meet coverage requirement: {CoverageReport.Format(parsed.FailUnder!.Value)}");
        if (parsed.JUnit is { } junit && !WriteJUnit(junit, JUnitReport.Render(run, coverage), stderr)) return ExitCodes.UsageOrIo;
        return run.Failed == 0 && coverageMet ? ExitCodes.Ok : ExitCodes.InputErrors;
    }

    private static void PrintResults(RouteTestRun run, bool details, TextWriter stdout)
    {
        foreach (var result in run.Results)
        {
            if (result.Passed)
            {
                if (details) stdout.WriteLine($"{result.Test.At}: PASS {result.Test.Name}");
                continue;
            }
            stdout.WriteLine($"{result.Test.At}: FAIL {result.Test.Name} (routed through {result.Target.Description})");
            foreach (var failure in result.Failures) stdout.WriteLine($"{failure.Check.At}: {failure.Message}");
        }
        var tests = run.Results.Count;
        stdout.WriteLine($"{tests} {(tests == 1 ? "test" : "tests")}: {tests - run.Failed} passed, {run.Failed} failed");
    }

    private static void PrintCoverage(CoverageReport coverage, TextWriter stdout)
    {
        foreach (var config in coverage.Units.GroupBy(u => u.RouteConfig))
        {
            var units = config.ToList();
            stdout.WriteLine($"route configuration {config.Key}: {units.Count(u => u.Hit)} of {units.Count} routes hit");
            foreach (var u in units)
            {
                var checkedFields = coverage.Comprehensive ? $" [{string.Join(",", u.Checked.Select(f => f.ToString()))}]" : "";
                stdout.WriteLine($"  {(u.Hit ? "hit " : "MISS")} {u.VirtualHost} route {u.RouteIndex}: {u.Match} → {u.Action}{checkedFields}");
            }
        }
    }

    private static bool WriteJUnit(string path, string xml, TextWriter stderr)
    {
        try
        {
            File.WriteAllText(path, xml);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = new DiagnosticBag();
            problem.ReportOutputNotWritable(new Compiler.Text.SourceLocation(path, 0, 0), path, e.Message);
            DiagnosticPrinter.Print(problem.ToImmutableSorted(), stderr, verbose: false);
            return false;
        }
    }

    /// <summary>A single folder with bundle.json is read as it is; anything else is compiled in memory.</summary>
    private static (RuntimeSnapshot? Snapshot, int Exit) Snapshot(TestArguments args, TextWriter stderr)
    {
        VerifiedBundle? verified;
        string? error;
        if (args.Inputs.Count == 1 && File.Exists(Path.Combine(args.Inputs[0], BundleManifest.FileName)))
        {
            (verified, error) = VerifiedBundle.Load(args.Inputs[0]);
        }
        else
        {
            var loading = new DiagnosticBag();
            var sources = SourceLoader.Load(args.Inputs, loading);
            if (loading.HasErrors)
            {
                DiagnosticPrinter.Print(loading.ToImmutableSorted(), stderr, verbose: false);
                return (null, ExitCodes.UsageOrIo);
            }
            var result = Compilation.Create(sources, args.Compilation).Emit(EmitTargets.Default);
            DiagnosticPrinter.Print(result.Diagnostics, stderr, verbose: false);
            if (result.Bundle is null) return (null, ExitCodes.InputErrors);
            (verified, error) = VerifiedBundle.FromFiles("the compiled inputs", result.Bundle.Files.ToDictionary(f => f.Path, f => f.Content));
        }
        if (verified is null)
        {
            stderr.WriteLine($"meshc test: {error}");
            return (null, ExitCodes.UsageOrIo);
        }
        return (verified.Snapshot, ExitCodes.Ok);
    }
}

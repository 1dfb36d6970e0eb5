using Meshc.Compiler.Diagnostics;

namespace Meshc.Compiler.Cli;

/// <summary>Prints diagnostics one per line in the <c>path:line:col: severity code: message</c> form, then a count.</summary>
public static class DiagnosticPrinter
{
    /// <summary>Prints the diagnostics (infos only when <paramref name="verbose"/>), then, with <paramref name="summary"/>,
    /// the count line when anything was printed.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool verbose, bool summary = true)
    {
        var shown = Shown(diagnostics, verbose);
        foreach (var d in shown) writer.WriteLine(d.ToString());
        if (summary && shown.Any(d => d.Severity != Severity.Info)) writer.WriteLine(Summary(shown, verbose));
    }

    /// <summary>The one summary line: <c>no errors</c>, <c>no errors, 1 warning</c>, <c>2 errors, 1 warning</c>.</summary>
    public static string Summary(IEnumerable<Diagnostic> diagnostics, bool verbose)
    {
        var shown = Shown(diagnostics, verbose);
        var errors = shown.Count(d => d.Severity == Severity.Error);
        var warnings = shown.Count(d => d.Severity == Severity.Warning);
        if (errors == 0) return warnings == 0 ? "no errors" : $"no errors, {Plural(warnings, "warning")}";
        return $"{Plural(errors, "error")}, {Plural(warnings, "warning")}";
    }

    private static List<Diagnostic> Shown(IEnumerable<Diagnostic> diagnostics, bool verbose) =>
        [.. diagnostics.Where(d => verbose || d.Severity != Severity.Info)];

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}

using Meshc.Compiler.Diagnostics;

namespace Meshc.Compiler.Cli;

/// <summary>Prints diagnostics one per line in the <c>path:line:col: severity code: message</c> form, then a count.</summary>
public static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool verbose)
    {
        var shown = diagnostics.Where(d => verbose || d.Severity != Severity.Info).ToList();
        foreach (var d in shown) writer.WriteLine(d.ToString());
        var errors = shown.Count(d => d.Severity == Severity.Error);
        var warnings = shown.Count(d => d.Severity == Severity.Warning);
        if (errors + warnings > 0) writer.WriteLine($"{Plural(errors, "error")}, {Plural(warnings, "warning")}");
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}

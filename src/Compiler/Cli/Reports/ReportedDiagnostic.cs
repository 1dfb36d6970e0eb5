using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Cli.Reports;

/// <summary>A diagnostic with the object it is about (null when it is about no one object, such as a YAML syntax error).</summary>
internal sealed record ReportedDiagnostic(Diagnostic Diagnostic, Declaration? Object)
{
    /// <summary>The diagnostics a report shows (infos only when verbose), each with its object, in the printed order.</summary>
    public static IReadOnlyList<ReportedDiagnostic> Of(IEnumerable<Diagnostic> diagnostics, IEnumerable<Declaration> declarations, bool verbose)
    {
        var index = new DeclarationIndex(declarations);
        return [.. diagnostics.Where(d => verbose || d.Severity != Severity.Info).Select(d => new ReportedDiagnostic(d, index.Enclosing(d.Location)))];
    }

    /// <summary>The message as printed: with the hint in parentheses.</summary>
    public string Text => Diagnostic.Hint is null ? Diagnostic.Message : $"{Diagnostic.Message} ({Diagnostic.Hint})";
}

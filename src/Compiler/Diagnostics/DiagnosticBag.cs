using System.Collections.Immutable;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Diagnostics;

/// <summary>
/// Collects diagnostics from every phase so a user sees all mistakes at once.
/// The typed <c>Report…</c> methods are generated from <c>DiagnosticCatalog.txt</c> (see src/Generators).
/// </summary>
public sealed partial class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Adds a diagnostic whose message is already rendered; generated Report methods call this.</summary>
    public Diagnostic Report(DiagnosticDescriptor descriptor, SourceLocation at, string message, string? hint)
    {
        var diagnostic = new Diagnostic(descriptor, at, message, hint);
        _items.Add(diagnostic);
        return diagnostic;
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>Adds everything another bag collected (a piece of work done apart, e.g. one file read in parallel).</summary>
    public void AddRange(DiagnosticBag other) => _items.AddRange(other._items);

    /// <summary>
    /// The final list: sorted by position then code, exact repeats removed, and a generic schema finding
    /// dropped where a specific check already reported an error at the same place (specific beats generic).
    /// </summary>
    public ImmutableArray<Diagnostic> ToImmutableSorted()
    {
        var specific = _items
            .Where(d => d.Severity == Severity.Error && d.Code != DiagnosticCatalog.SchemaViolation.Code)
            .Select(d => d.Location)
            .ToHashSet();
        return _items
            .Where(d => d.Code != DiagnosticCatalog.SchemaViolation.Code || !specific.Contains(d.Location))
            .Distinct()
            .OrderBy(d => d.Location)
            .ThenBy(d => d.Code.Value, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToImmutableArray();
    }
}

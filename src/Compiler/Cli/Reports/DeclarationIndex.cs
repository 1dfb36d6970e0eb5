using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Cli.Reports;

/// <summary>
/// Finds the object a finding is about from its position: the declaration that starts last at or before it in the
/// same file (objects never nest in the input, so the one started most recently is the one the position is in).
/// </summary>
internal sealed class DeclarationIndex
{
    private readonly Dictionary<string, Declaration[]> _byPath;

    public DeclarationIndex(IEnumerable<Declaration> declarations) =>
        _byPath = declarations
            .Where(d => !d.Origin.IsNone)
            .GroupBy(d => d.Origin.Path, StringComparer.Ordinal)
            // A DSL statement can declare two objects at one place (a service and its endpoints): the first one named it.
            .ToDictionary(g => g.Key, g => g.DistinctBy(d => d.Origin).OrderBy(d => d.Origin).ToArray(), StringComparer.Ordinal);

    /// <summary>The object declared around <paramref name="at"/>, or null (a position before any object, or no file).</summary>
    public Declaration? Enclosing(SourceLocation at)
    {
        if (at.IsNone || !_byPath.TryGetValue(at.Path, out var declared)) return null;
        Declaration? found = null;
        foreach (var d in declared)
        {
            if (d.Origin.CompareTo(at) > 0) break;
            found = d;
        }
        return found;
    }
}

using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.Reading;

/// <summary>
/// Reads the <c>paths</c> settings of a service route into the route's <see cref="PathHandling"/>, which its
/// Service's listener gets (<see cref="MeshAnnotations.Paths"/> in YAML).
/// <code>
/// paths [normalize] [merge-slashes] [escaped-slashes keep|reject|unescape-and-redirect|unescape-and-forward]
/// </code>
/// </summary>
internal static class PathsReader
{
    public static PathHandling? Read(IReadOnlyList<MeshParser.RoutePathsClauseContext> clauses, DslContext context)
    {
        if (clauses.Count == 0) return null;
        var paths = new PathHandling(false, false, null, context.At(clauses[0]));
        foreach (var option in clauses.SelectMany(c => c.pathOption()))
        {
            switch (option)
            {
                case MeshParser.PathsNormalizeContext:
                    paths = paths with { Normalize = true };
                    break;
                case MeshParser.PathsMergeSlashesContext:
                    paths = paths with { MergeSlashes = true };
                    break;
                case MeshParser.PathsEscapedSlashesContext e:
                    var text = DslContext.Text(e.name());
                    if (MeshAnnotations.EscapedSlashesNames.TryGetValue(text, out var action)) paths = paths with { EscapedSlashes = action };
                    else context.Diagnostics.ReportDslInvalidValue(context.At(e.name()), "escaped-slashes", text,
                        "use " + string.Join(", ", MeshAnnotations.EscapedSlashesNames.Keys), Spelling.DidYouMean(text, MeshAnnotations.EscapedSlashesNames.Keys));
                    break;
            }
        }
        // Only invalid settings (reported above): nothing to set, as when the clause is absent.
        return paths is { Normalize: false, MergeSlashes: false, EscapedSlashes: null } ? null : paths;
    }
}

using Meshc.Compiler.FrontEnds.Dsl.Reading;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl.ServiceRoutes;

/// <summary>
/// The <c>paths</c> settings of a service route: how its listener's connection manager treats the request path before
/// routing (and so what is forwarded). Unset, Envoy leaves the path as sent, as on every listener Cilium builds for
/// Gateways and CiliumEnvoyConfigs.
/// <code>
/// paths [normalize] [merge-slashes] [escaped-slashes keep|reject|unescape-and-redirect|unescape-and-forward]
/// </code>
/// </summary>
internal sealed record PathOptions(bool Normalize, bool MergeSlashes, string? EscapedSlashes)
{
    /// <summary>DSL value → Envoy's <c>path_with_escaped_slashes_action</c>.</summary>
    private static readonly Dictionary<string, string> EscapedSlashesActions = new()
    {
        ["keep"] = "KEEP_UNCHANGED", ["reject"] = "REJECT_REQUEST",
        ["unescape-and-redirect"] = "UNESCAPE_AND_REDIRECT", ["unescape-and-forward"] = "UNESCAPE_AND_FORWARD",
    };

    public static PathOptions Read(IEnumerable<MeshParser.RoutePathsClauseContext> clauses, DslContext context)
    {
        var options = new PathOptions(false, false, null);
        foreach (var option in clauses.SelectMany(c => c.pathOption()))
        {
            switch (option)
            {
                case MeshParser.PathsNormalizeContext:
                    options = options with { Normalize = true };
                    break;
                case MeshParser.PathsMergeSlashesContext:
                    options = options with { MergeSlashes = true };
                    break;
                case MeshParser.PathsEscapedSlashesContext e:
                    var text = DslContext.Text(e.name());
                    if (EscapedSlashesActions.TryGetValue(text, out var action)) options = options with { EscapedSlashes = action };
                    else context.Diagnostics.ReportDslInvalidValue(context.At(e.name()), "escaped-slashes", text,
                        "use " + string.Join(", ", EscapedSlashesActions.Keys), Spelling.DidYouMean(text, EscapedSlashesActions.Keys));
                    break;
            }
        }
        return options;
    }
}

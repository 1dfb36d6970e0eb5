using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.FrontEnds.Dsl;

/// <summary>
/// What the DSL program has declared so far. A name is declared once per statement keyword and namespace (a route on a
/// gateway and one on a service share the keyword <c>route</c>), and a Service has at most one service route.
/// </summary>
internal sealed class Declarations(DiagnosticBag diagnostics)
{
    private readonly Dictionary<(string Keyword, string Namespace, string Name), SourceLocation> _names = [];
    private readonly Dictionary<(string Namespace, string Service), (string Route, SourceLocation At)> _routedServices = [];

    /// <summary>True when the name is new; otherwise reports MC0170 at the second declaration.</summary>
    public bool Claim(string keyword, IMeshObject item)
    {
        var key = (keyword, item.Meta.Namespace, item.Meta.Name);
        if (_names.TryGetValue(key, out var first))
        {
            diagnostics.ReportDslDuplicateDeclaration(item.Meta.Origin, keyword, item.Key.QualifiedName, first.ToString());
            return false;
        }
        _names[key] = item.Meta.Origin;
        return true;
    }

    /// <summary>True when no other service route attaches to this route's Service; otherwise reports MC0174.</summary>
    public bool ClaimService(Route route)
    {
        var parent = route.ParentRefs[0];
        var key = (parent.Namespace ?? route.Meta.Namespace, parent.Name);
        if (_routedServices.TryGetValue(key, out var other))
        {
            diagnostics.ReportDslServiceRoutedTwice(parent.Origin, $"{key.Item1}/{key.Name}", other.Route, other.At.ToString());
            return false;
        }
        _routedServices[key] = (route.Meta.Name, parent.Origin);
        return true;
    }
}

using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>
/// One object as the input declared it, where it starts: <c>HTTPRoute default/example-route-1</c> at
/// <c>routes.yaml:17:1</c>. Kept for every object read, including one a later definition replaced, so a finding inside
/// any object can be attributed to it (the logical location of a SARIF result).
/// </summary>
public sealed record Declaration(string Kind, string Namespace, string Name, SourceLocation Origin)
{
    /// <summary><c>namespace/name</c>, or the name alone for cluster-scoped objects.</summary>
    public string QualifiedName => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}

using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A reference to another object by group, kind, optional namespace and name (a certificateRef, a parametersRef…).</summary>
public sealed record ObjectRef(string Group, string Kind, string? Namespace, string Name, SourceLocation Origin) : IHasOrigin
{
    /// <summary>The namespace, defaulting to the referring object's.</summary>
    public string NamespaceOr(string fallback) => Namespace ?? fallback;
}

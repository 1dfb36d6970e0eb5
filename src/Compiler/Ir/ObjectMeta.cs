using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>What every object carries: name, namespace, labels, annotations, generation and where it was declared.</summary>
public sealed record ObjectMeta(
    string Name,
    string Namespace,
    ValueList<Label> Labels,
    ValueList<Label> Annotations,
    long Generation,
    SourceLocation Origin)
{
    /// <summary>The object's uid when the input carries one (manifests exported from a cluster do); null otherwise.</summary>
    public string? Uid { get; init; }
}

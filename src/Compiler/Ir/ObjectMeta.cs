using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>What every object carries: name, namespace, labels, annotations, generation and where it was declared.</summary>
public sealed record ObjectMeta(
    string Name,
    string Namespace,
    ValueList<Label> Labels,
    ValueList<Label> Annotations,
    long Generation,
    SourceLocation Origin);

using Meshc.Compiler.Text;

namespace Meshc.Compiler.Ir;

/// <summary>A top-level object of the model.</summary>
public interface IMeshObject
{
    ObjectMeta Meta { get; }
    ObjectKey Key { get; }
}

/// <summary>Any IR node that knows the source position it was read from.</summary>
public interface IHasOrigin
{
    SourceLocation Origin { get; }
}

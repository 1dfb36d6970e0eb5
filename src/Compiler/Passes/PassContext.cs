using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.Passes;

/// <summary>What passes share: the model, look-ups, options, the diagnostic bag, and the results being built.</summary>
internal sealed class PassContext
{
    public PassContext(MeshModel model, CompilationOptions options, DiagnosticBag diagnostics)
    {
        Model = model;
        Options = options;
        Diagnostics = diagnostics;
        Index = new ModelIndex(model);
    }

    public MeshModel Model { get; }
    public CompilationOptions Options { get; }
    public DiagnosticBag Diagnostics { get; }
    public ModelIndex Index { get; }
}

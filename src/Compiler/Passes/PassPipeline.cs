using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Semantics;

namespace Meshc.Compiler.Passes;

/// <summary>Runs the passes in their one fixed order (each step's reason is written beside it).</summary>
internal static class PassPipeline
{
    public static Analysis Run(MeshModel model, CompilationOptions options, DiagnosticBag diagnostics)
    {
        var context = new PassContext(model, options, diagnostics);
        IPass[] passes =
        [
        ];
        foreach (var pass in passes) pass.Run(context);
        return new Analysis(new BoundMesh(model, ValueList<GatewayBinding>.Empty, model.EnvoyConfigs), StatusReport.Empty);
    }
}

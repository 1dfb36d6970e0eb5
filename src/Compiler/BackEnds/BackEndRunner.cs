using Meshc.Compiler.BackEnds.Xds;
using Meshc.Compiler.Bundle;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Passes;

namespace Meshc.Compiler.BackEnds;

/// <summary>Runs the back ends a compilation asked for and assembles their files into one bundle.</summary>
internal static class BackEndRunner
{
    public static CompiledBundle Build(Compilation compilation, Analysis analysis, EmitTargets targets, DiagnosticBag diagnostics)
    {
        var bundle = new BundleBuilder(compilation.Sources);
        // Back ends register here: xDS (targets.Xds), status (targets.Status), IR (targets.Ir).
        if (targets.HasFlag(EmitTargets.Xds))
        {
            IReadOnlyList<CecModel> fromGateways = []; // LEAD: GatewayTranslator.Translate(analysis.Bound, compilation.Options)
            XdsBackEnd.Build(analysis.Bound, fromGateways, compilation.Options, diagnostics, bundle);
        }
        return bundle.Build();
    }
}

using Meshc.Compiler.Bundle;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.BackEnds.IrDump;

/// <summary>Writes the IR into the bundle as <c>ir/model.json</c> (for debugging and for back-end goldens).</summary>
internal static class IrBackEnd
{
    public static void Build(MeshModel model, BundleBuilder bundle) => bundle.AddText("ir/model.json", IrSerializer.Write(model));
}

using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Ir;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>The objects of one YAML file and the diagnostics its reading reported.</summary>
internal sealed record ParsedFile(IReadOnlyList<IMeshObject> Items, DiagnosticBag Diagnostics)
{
    public void AddTo(MeshModelBuilder model, DiagnosticBag diagnostics)
    {
        diagnostics.AddRange(Diagnostics);
        foreach (var item in Items) model.Add(item);
    }
}

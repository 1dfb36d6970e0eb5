using Meshc.Compiler.Diagnostics;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>Checks an object against the JSON Schema of its kind (schemas/). Violations become MC0102 at the offending value.</summary>
internal static class SchemaCheck
{
    public static void Check(YamlObject obj, DiagnosticBag diagnostics)
    {
        // Filled in by the schema work: derive schemas/ from the upstream CRDs and evaluate with JsonSchema.Net.
        _ = obj;
        _ = diagnostics;
    }
}

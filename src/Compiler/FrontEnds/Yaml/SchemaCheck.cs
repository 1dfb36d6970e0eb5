using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Schemas;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Checks an object against the JSON Schema of its kind and apiVersion (schemas/, derived from the upstream CRDs).
/// Each violation becomes MC0102 at the offending value, or at the key of an unknown field with a "did you mean".
/// Kinds or apiVersions without a schema are not checked.
/// </summary>
internal static class SchemaCheck
{
    public static void Check(YamlObject obj, DiagnosticBag diagnostics)
    {
        if (SchemaRegistry.Find(obj.Kind, obj.ApiVersion) is not { } schema) return;
        var json = YamlJson.Convert(obj.Root, obj.Path);
        var violations = SchemaEvaluation.Validate(schema, json.Root);
        if (violations.Count == 0) return;
        var name = obj.Root.Map("metadata").Str("name") ?? "(unnamed)";
        foreach (var v in violations)
        {
            var at = v.AtKey && json.KeyLocations.TryGetValue(v.Pointer, out var key) ? key : json.Locate(v.Pointer);
            diagnostics.ReportSchemaViolation(at, obj.Kind, name, v.Detail, v.Hint);
        }
    }
}

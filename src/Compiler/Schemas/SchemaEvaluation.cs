using System.Text.Json.Nodes;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// Checks a value against a schema with JsonSchema.Net and returns what is wrong in words (<see cref="SchemaFindings"/>).
/// A first pass only decides validity, which stops at the first failure; only an invalid value is evaluated again with
/// every keyword's outcome, to word the findings.
/// </summary>
internal static class SchemaEvaluation
{
    public static IReadOnlyList<SchemaViolation> Validate(CompiledSchema schema, JsonNode? instance)
    {
        using var document = SchemaInstance.From(instance);
        if (schema.Schema.Evaluate(document.RootElement, SchemaDialect.Decide).IsValid) return [];
        var results = schema.Schema.Evaluate(document.RootElement, SchemaDialect.Explain);
        return SchemaFindings.Read(results, schema.Document, document.RootElement);
    }
}

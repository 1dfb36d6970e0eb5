using System.Text.Json;
using Json.Schema;
using Json.Schema.Keywords;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// <c>pattern</c> through <see cref="SchemaPattern"/>. JsonSchema.Net's own handler compiles every expression to IL
/// when a schema is built (a CRD has dozens; a typical input exercises few) and matches without a time limit; this
/// one builds an expression on first use and falls back to a linear-time engine, as RE2 (Kubernetes' engine) is.
/// </summary>
internal sealed class SchemaPatternKeyword : PatternKeyword
{
    /// <summary>Equal patterns (a CRD repeats its name and hostname patterns many times) share one matcher.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SchemaPattern> Patterns = new(StringComparer.Ordinal);

    public override object? ValidateKeywordValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) throw new JsonSchemaException($"'{Name}' must be a string, found {value.ValueKind}");
        var text = value.GetString()!;
        return Patterns.GetOrAdd(text, t => new SchemaPattern(t));
    }

    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        if (context.Instance.ValueKind != JsonValueKind.String) return KeywordEvaluation.Ignore;
        var pattern = (SchemaPattern)keyword.Value!;
        var valid = pattern.IsMatch(context.Instance.GetString()!);
        return new KeywordEvaluation { Keyword = Name, IsValid = valid, Error = valid ? null : $"does not match the pattern {pattern}" };
    }
}

using System.Text.Json;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// The findings about one value, worded from the keyword that failed and the schema's own figures: "-1 is less than
/// the minimum 0", "'Prefx' is not one of the allowed values: … (did you mean 'PathPrefix'?)".
/// </summary>
internal sealed class SchemaProblems(string pointer, IReadOnlyList<PathSegment> path, JsonElement value, JsonElement schema)
{
    private readonly string _path = SchemaMessages.Path(path);

    public string Pointer => pointer;

    public SchemaViolation WrongType()
    {
        var expected = SchemaMessages.Types(schema.GetProperty("type"));
        return Fail($"expected {expected}, got {SchemaMessages.Describe(value)}", expected: expected);
    }

    public SchemaViolation Excluded() => Fail($"{SchemaMessages.Describe(value)} is not allowed here");

    public SchemaViolation NoneOf(IReadOnlyList<string> expected) =>
        Fail($"{SchemaMessages.Describe(value)} is not {SchemaMessages.Alternatives(expected)}");

    /// <summary>
    /// The findings of one failed keyword. Keywords that only hold other schemas yield none here (their failures are
    /// found where they happen); a keyword schemas/ does not use is reported in the library's words.
    /// </summary>
    public IEnumerable<SchemaViolation> Keyword(string keyword, string message)
    {
        switch (keyword)
        {
            case "required":
                foreach (var field in schema.GetProperty(keyword).EnumerateArray().Select(f => f.GetString()!))
                    if (!value.TryGetProperty(field, out _)) yield return Fail($"missing required field '{field}'");
                break;
            case "const":
                yield return Fail($"{SchemaMessages.Describe(value)} must be {SchemaMessages.Describe(schema.GetProperty(keyword))}");
                break;
            case "enum":
                yield return Enum(schema.GetProperty(keyword));
                break;
            case "properties" or "items" or "additionalProperties" or "allOf" or "anyOf" or "oneOf" or "not" or "":
                break;
            default:
                yield return Scalar(keyword, schema.GetProperty(keyword)) ?? Fail(message);
                break;
        }
    }

    private SchemaViolation Enum(JsonElement allowed)
    {
        var values = allowed.EnumerateArray().ToList();
        var words = SchemaMessages.Alternatives([.. values.Select(SchemaMessages.Describe)]);
        var hint = value.ValueKind == JsonValueKind.String && values.All(v => v.ValueKind == JsonValueKind.String)
            ? Text.Spelling.DidYouMean(value.GetString()!, values.Select(v => v.GetString()!))
            : null;
        return Fail($"{SchemaMessages.Describe(value)} is not one of the allowed values: {words}", hint);
    }

    /// <summary>Bounds on a string, a number, a list or an object; null for a keyword worded elsewhere.</summary>
    private SchemaViolation? Scalar(string keyword, JsonElement limit)
    {
        var shown = SchemaMessages.Describe(value);
        string Limit() => SchemaMessages.Number(limit.GetDouble());
        return keyword switch
        {
            "minLength" => Fail(Length() == 0 ? "must not be empty" : $"{shown} is shorter than the minimum length {Limit()}"),
            "maxLength" => Fail($"{shown} is {Length()} characters long; at most {Limit()} are allowed"),
            "pattern" => Fail($"{shown} does not match the pattern {limit.GetString()}"),
            "format" => Format(limit.GetString()!),
            "minimum" => Fail($"{shown} is less than the minimum {Limit()}"),
            "exclusiveMinimum" => Fail($"{shown} must be greater than {Limit()}"),
            "maximum" => Fail($"{shown} is greater than the maximum {Limit()}"),
            "exclusiveMaximum" => Fail($"{shown} must be less than {Limit()}"),
            "minItems" => Fail(Count() == 0
                ? $"the list is empty; at least {Limit()} {Items(limit.GetInt32())} required"
                : $"the list has {Count()} {(Count() == 1 ? "item" : "items")}; at least {Limit()} are required"),
            "maxItems" => Fail($"the list has {Count()} items; at most {Limit()} allowed"),
            "minProperties" => Fail($"has {Count()} entries; at least {Limit()} are required"),
            "maxProperties" => Fail($"has {Count()} entries; at most {Limit()} are allowed"),
            _ => null,
        };
    }

    private SchemaViolation Format(string format)
    {
        var expected = SchemaMessages.Format(format);
        return Fail($"{SchemaMessages.Describe(value)} is not {expected}", expected: expected);
    }

    private int Length() => SchemaMessages.CodePoints(value.GetString()!);

    private int Count() => value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : value.EnumerateObject().Count();

    private static string Items(int n) => n == 1 ? "item is" : "items are";

    private SchemaViolation Fail(string problem, string? hint = null, string? expected = null) =>
        new(pointer, _path, AtKey: false, problem, hint, expected);
}

using System.Text.Json;
using Json.Schema;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// Turns JsonSchema.Net's hierarchical results into findings a user can act on, each once: a wrong type hides the
/// checks below it (one finding, not a cascade); an unknown field is reported at its key with a "did you mean"; of an
/// <c>anyOf</c> whose alternatives all fail, either one merged message ("is not an IPv4 address or an IPv6 address")
/// or the findings of the alternative that got furthest; the failures inside a <c>not</c> are not findings at all.
/// </summary>
internal sealed class SchemaFindings
{
    private readonly JsonElement _schema;
    private readonly JsonElement _instance;

    private SchemaFindings(JsonElement schema, JsonElement instance)
    {
        _schema = schema;
        _instance = instance;
    }

    public static IReadOnlyList<SchemaViolation> Read(EvaluationResults results, JsonElement schema, JsonElement instance)
    {
        var found = new List<SchemaViolation>();
        new SchemaFindings(schema, instance).Visit(results, found);
        return found;
    }

    private void Visit(EvaluationResults node, List<SchemaViolation> found)
    {
        if (node.IsValid) return;
        var evaluationPath = node.EvaluationPath.ToString();
        var pointer = node.InstanceLocation.ToString();
        var schema = SchemaPaths.Resolve(_schema, evaluationPath);
        var at = new SchemaProblems(pointer, SchemaPaths.PathOf(_instance, pointer), SchemaPaths.Find(_instance, pointer), schema);
        if (schema.ValueKind == JsonValueKind.False)
        {
            found.Add(Unknown(evaluationPath, pointer));
            return;
        }
        if (node.Errors is { } errors)
        {
            if (errors.ContainsKey("type"))
            {
                found.Add(at.WrongType());
                return;
            }
            foreach (var (keyword, message) in errors) found.AddRange(at.Keyword(keyword, message));
        }
        var alternatives = new List<EvaluationResults>();
        foreach (var child in node.Details ?? [])
        {
            var step = child.EvaluationPath.ToString()[evaluationPath.Length..];
            if (step.StartsWith("/anyOf/", StringComparison.Ordinal) || step.StartsWith("/oneOf/", StringComparison.Ordinal)) alternatives.Add(child);
            else if (step == "/not") { if (child.IsValid) found.Add(at.Excluded()); }
            else Visit(child, found);
        }
        if (alternatives.Count > 0 && alternatives.All(a => !a.IsValid)) found.AddRange(NoAlternative(alternatives, at));
    }

    /// <summary>A member that <c>additionalProperties: false</c> rejects, at its key, with the nearest known name.</summary>
    private SchemaViolation Unknown(string evaluationPath, string pointer)
    {
        var owner = SchemaPaths.Resolve(_schema, evaluationPath[..evaluationPath.LastIndexOf('/')]);
        var names = owner.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray()
            : [];
        var path = SchemaPaths.PathOf(_instance, pointer);
        var key = path[^1].Name!;
        return new SchemaViolation(pointer, SchemaMessages.Path([.. path.Take(path.Count - 1)]), AtKey: true,
            $"unknown field {SchemaMessages.Quote(key)}", Spelling.DidYouMean(key, names));
    }

    /// <summary>
    /// No alternative holds. When each fails only here, by type or format, one message names what the value could have
    /// been; else the findings of the alternative that got furthest (deepest finding, then fewest, then the first).
    /// </summary>
    private List<SchemaViolation> NoAlternative(List<EvaluationResults> alternatives, SchemaProblems at)
    {
        var results = alternatives.Select(a =>
        {
            var found = new List<SchemaViolation>();
            Visit(a, found);
            return found;
        }).ToList();
        if (results.All(r => r.Count == 1 && r[0].Pointer == at.Pointer && !r[0].AtKey && r[0].Expected is not null))
            return [at.NoneOf([.. results.Select(r => r[0].Expected!).Distinct()])];
        return results
            .Select((r, i) => (Found: r, Index: i))
            .OrderByDescending(r => r.Found.Count == 0 ? 0 : r.Found.Max(v => v.Depth))
            .ThenBy(r => r.Found.Count)
            .ThenBy(r => r.Index)
            .First().Found;
    }
}

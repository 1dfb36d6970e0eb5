using System.Text.Json.Nodes;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// Evaluates an instance against a <see cref="SchemaNode"/> and reports each problem once, in words. One walk
/// both decides validity and, only where something fails, builds the message: valid input (the common case)
/// costs a tree walk and no allocation beyond the path stack. A type mismatch stops the checks below it, so a
/// wrong shape yields one finding instead of a cascade.
/// </summary>
internal sealed class SchemaValidator
{
    private readonly List<PathSegment> _path;

    /// <summary>Null while probing an anyOf branch: then only validity matters and the walk stops at the first failure.</summary>
    private readonly List<SchemaViolation>? _violations;

    private SchemaValidator(List<PathSegment> path, List<SchemaViolation>? violations)
    {
        _path = path;
        _violations = violations;
    }

    public static IReadOnlyList<SchemaViolation> Validate(SchemaNode schema, JsonNode? instance)
    {
        var violations = new List<SchemaViolation>();
        new SchemaValidator([], violations).Check(schema, instance);
        return violations;
    }

    private bool Probing => _violations is null;

    private bool Check(SchemaNode s, JsonNode? value)
    {
        var kind = SchemaValues.KindOf(value);
        if (!SchemaValues.IsAllowed(s.Types, kind))
        {
            if (Probing) return false;
            var expected = SchemaMessages.Types(s.Types);
            return Fail($"expected {expected}, got {SchemaMessages.Describe(value)}", expected: expected);
        }
        var ok = true;
        if (s.Const is not null && !SchemaValues.Equal(s.Const, value))
            ok = Fail($"{SchemaMessages.Describe(value)} must be {SchemaMessages.Describe(s.Const)}");
        if (s.Enum is not null && !InEnum(s, value)) ok = FailEnum(s, value);
        if (!ok && Probing) return false;
        ok &= value switch
        {
            JsonObject o => CheckObject(s, o),
            JsonArray a => CheckArray(s, a),
            JsonValue v => SchemaScalarChecks.Check(s, v, kind, this),
            _ => true,
        };
        if (!ok && Probing) return false;
        if (s.AllOf is not null)
            foreach (var branch in s.AllOf)
                ok &= Check(branch, value);
        if (s.AnyOf is not null) ok &= CheckAnyOf(s.AnyOf, value);
        if (s.Not is not null && Probe(s.Not, value)) ok = Fail($"{SchemaMessages.Describe(value)} is not allowed here");
        return ok;
    }

    private bool CheckObject(SchemaNode s, JsonObject o)
    {
        var ok = true;
        if (s.MaxProperties is { } max && o.Count > max) ok = Fail($"has {o.Count} entries; at most {max} are allowed");
        if (s.MinProperties is { } min && o.Count < min) ok = Fail($"has {o.Count} entries; at least {min} are required");
        foreach (var (key, child) in o)
        {
            if (!ok && Probing) return false;
            var sub = s.Properties?.GetValueOrDefault(key) ?? s.AdditionalProperties;
            if (sub is null)
            {
                if (s.ClosedObject) ok = FailUnknown(s, key);
                continue;
            }
            // Like the API server, a null where the schema does not allow null counts as absent (it is pruned).
            if (child is null && !sub.Types.HasFlag(JsonTypes.Null)) continue;
            _path.Add(new PathSegment(key, 0));
            ok &= Check(sub, child);
            _path.RemoveAt(_path.Count - 1);
        }
        foreach (var field in s.Required)
        {
            if (o.TryGetPropertyValue(field, out var present) && present is not null) continue;
            ok = Fail($"missing required field '{field}'");
            if (Probing) return false;
        }
        return ok;
    }

    private bool CheckArray(SchemaNode s, JsonArray a)
    {
        var ok = true;
        if (s.MinItems is { } min && a.Count < min)
            ok = Fail(a.Count == 0 ? $"the list is empty; at least {min} {Items(min)} required" : $"the list has {a.Count} {Items(a.Count)}; at least {min} required");
        if (s.MaxItems is { } max && a.Count > max) ok = Fail($"the list has {a.Count} items; at most {max} allowed");
        if (s.Items is null || (!ok && Probing)) return ok;
        for (var i = 0; i < a.Count; i++)
        {
            _path.Add(new PathSegment(null, i));
            ok &= Check(s.Items, a[i]);
            _path.RemoveAt(_path.Count - 1);
            if (!ok && Probing) return false;
        }
        return ok;
    }

    private static string Items(int n) => n == 1 ? "item is" : "items are";

    /// <summary>anyOf: valid when one branch is. Otherwise one message: alternatives that each fail only at this
    /// value by type or format are merged ("is not an IPv4 address or an IPv6 address"); else the findings of the
    /// branch that got furthest (deepest finding, then fewest findings, then the first).</summary>
    private bool CheckAnyOf(SchemaNode[] branches, JsonNode? value)
    {
        foreach (var branch in branches)
            if (Probe(branch, value)) return true;
        if (Probing) return false;
        var results = branches.Select(b =>
        {
            var found = new List<SchemaViolation>();
            new SchemaValidator([.. _path], found).Check(b, value);
            return found;
        }).ToList();
        var here = SchemaMessages.Pointer(_path);
        if (results.All(r => r.Count == 1 && r[0].Pointer == here && !r[0].AtKey && r[0].Expected is not null))
            return Fail($"{SchemaMessages.Describe(value)} is not {SchemaMessages.Alternatives([.. results.Select(r => r[0].Expected!).Distinct()])}");
        var best = results
            .Select((r, i) => (Found: r, Index: i))
            .OrderByDescending(r => r.Found.Count == 0 ? 0 : r.Found.Max(v => v.Depth))
            .ThenBy(r => r.Found.Count)
            .ThenBy(r => r.Index)
            .First().Found;
        _violations!.AddRange(best);
        return false;
    }

    private bool Probe(SchemaNode schema, JsonNode? value) => new SchemaValidator(_path, null).Check(schema, value);

    private static bool InEnum(SchemaNode s, JsonNode? value) =>
        s.StringEnum is { } strings
            ? value is JsonValue v && v.TryGetValue<string>(out var text) && strings.Contains(text)
            : s.Enum!.Any(e => SchemaValues.Equal(e, value));

    private bool FailEnum(SchemaNode s, JsonNode? value)
    {
        if (Probing) return false;
        var allowed = SchemaMessages.Alternatives([.. s.Enum!.Select(SchemaMessages.Describe)]);
        var hint = s.StringEnum is not null && value is JsonValue v && v.TryGetValue<string>(out var text)
            ? Spelling.DidYouMean(text, s.Enum!.Select(e => e!.GetValue<string>()))
            : null;
        return Fail($"{SchemaMessages.Describe(value)} is not one of the allowed values: {allowed}", hint);
    }

    private bool FailUnknown(SchemaNode s, string key)
    {
        if (Probing) return false;
        var parent = SchemaMessages.Path(_path);
        _path.Add(new PathSegment(key, 0));
        _violations!.Add(new SchemaViolation(SchemaMessages.Pointer(_path), parent, AtKey: true,
            $"unknown field {SchemaMessages.Quote(key)}", Spelling.DidYouMean(key, s.PropertyNames)));
        _path.RemoveAt(_path.Count - 1);
        return false;
    }

    /// <summary>Records a finding about the current value (when not probing); always false, for <c>ok = Fail(…)</c>.</summary>
    internal bool Fail(string problem, string? hint = null, string? expected = null)
    {
        _violations?.Add(new SchemaViolation(SchemaMessages.Pointer(_path), SchemaMessages.Path(_path), AtKey: false, problem, hint, expected));
        return false;
    }
}

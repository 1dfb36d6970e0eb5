using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Meshc.Compiler.Schemas;

/// <summary>
/// Loads a JSON Schema (the draft 2020-12 subset that schemas/ uses) into <see cref="SchemaNode"/>s. A keyword
/// outside that subset is an error in meshc's own data, not in the user's input, so it throws; a test loads
/// every embedded schema.
/// </summary>
internal sealed class SchemaLoader
{
    /// <summary>Keywords that document a schema and do not constrain instances.</summary>
    private static readonly FrozenSet<string> Annotations = FrozenSet.Create(StringComparer.Ordinal, "$schema", "$comment", "title", "description");

    /// <summary>Equal patterns (a CRD repeats its name and hostname patterns many times) share one matcher.</summary>
    private readonly Dictionary<string, SchemaPattern> _patterns = new(StringComparer.Ordinal);

    public static SchemaNode Load(JsonObject schema) => new SchemaLoader().Node(schema, "#");

    private SchemaNode Node(JsonObject s, string at)
    {
        foreach (var (key, _) in s)
            if (!Known.Contains(key) && !Annotations.Contains(key))
                throw new InvalidDataException($"schema keyword '{key}' at {at} is not supported by the schema check");
        // Plain dictionaries and sets: read-only once built, so safe to share; building frozen ones costs more
        // than a whole input's lookups save.
        var properties = s["properties"]?.AsObject()
            .ToDictionary(p => p.Key, p => Node(p.Value!.AsObject(), $"{at}/properties/{p.Key}"), StringComparer.Ordinal);
        var enumValues = s["enum"]?.AsArray().Select(v => v?.DeepClone()).ToArray();
        return new SchemaNode
        {
            Types = TypesOf(s["type"]),
            Properties = properties,
            PropertyNames = properties?.Keys.Order(StringComparer.Ordinal).ToArray() ?? [],
            ClosedObject = s["additionalProperties"] is JsonValue closed && !closed.GetValue<bool>(),
            AdditionalProperties = s["additionalProperties"] is JsonObject extra ? Node(extra, $"{at}/additionalProperties") : null,
            Required = s["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToArray() ?? [],
            Items = s["items"] is JsonObject items ? Node(items, $"{at}/items") : null,
            Enum = enumValues,
            StringEnum = enumValues is not null && enumValues.All(v => v is JsonValue sv && sv.GetValueKind() == System.Text.Json.JsonValueKind.String)
                ? enumValues.Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal)
                : null,
            Const = s["const"]?.DeepClone(),
            Pattern = s["pattern"] is { } p ? Pattern(p.GetValue<string>()) : null,
            Format = s["format"] is { } f ? SchemaFormats.Require(f.GetValue<string>()) : null,
            Minimum = Number(s, "minimum"),
            Maximum = Number(s, "maximum"),
            ExclusiveMinimum = Number(s, "exclusiveMinimum"),
            ExclusiveMaximum = Number(s, "exclusiveMaximum"),
            MinLength = Int(s, "minLength"),
            MaxLength = Int(s, "maxLength"),
            MinItems = Int(s, "minItems"),
            MaxItems = Int(s, "maxItems"),
            MinProperties = Int(s, "minProperties"),
            MaxProperties = Int(s, "maxProperties"),
            AllOf = Branches(s, "allOf", at),
            AnyOf = Branches(s, "anyOf", at),
            Not = s["not"] is JsonObject not ? Node(not, $"{at}/not") : null,
        };
    }

    private static readonly FrozenSet<string> Known = FrozenSet.Create(StringComparer.Ordinal,
        "type", "properties", "additionalProperties", "required", "items", "enum", "const", "pattern", "format",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems",
        "minProperties", "maxProperties", "allOf", "anyOf", "not");

    private SchemaPattern Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var matcher)) _patterns[pattern] = matcher = new SchemaPattern(pattern);
        return matcher;
    }

    private SchemaNode[]? Branches(JsonObject s, string key, string at) =>
        s[key]?.AsArray().Select((b, i) => Node(b!.AsObject(), $"{at}/{key}/{i}")).ToArray();

    private static JsonTypes TypesOf(JsonNode? type) => type switch
    {
        null => JsonTypes.Any,
        JsonArray many => many.Aggregate(JsonTypes.Any, (all, t) => all | TypeOf(t!.GetValue<string>())),
        _ => TypeOf(type.GetValue<string>()),
    };

    private static JsonTypes TypeOf(string name) => name switch
    {
        "null" => JsonTypes.Null,
        "boolean" => JsonTypes.Boolean,
        "integer" => JsonTypes.Integer,
        "number" => JsonTypes.Number,
        "string" => JsonTypes.String,
        "array" => JsonTypes.Array,
        "object" => JsonTypes.Object,
        _ => throw new InvalidDataException($"unknown JSON type '{name}'"),
    };

    private static double? Number(JsonObject s, string key) => s[key]?.GetValue<double>();

    private static int? Int(JsonObject s, string key) => s[key] is { } v ? (int)v.GetValue<double>() : null;
}

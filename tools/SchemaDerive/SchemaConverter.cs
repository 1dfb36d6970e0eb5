using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Meshc.SchemaDerive;

/// <summary>
/// Converts a CRD's openAPIV3Schema (a structural schema in OpenAPI v3.0 dialect) to JSON Schema draft 2020-12.
/// Every keyword is either kept, translated or dropped on purpose; an unknown keyword stops the derivation, so a
/// new upstream construct is never ignored silently. What is dropped is counted for schemas/README.md.
/// </summary>
internal sealed class SchemaConverter
{
    /// <summary>Formats the schema check asserts; the rest (OpenAPI's int32/int64, …) are dropped.</summary>
    public static readonly IReadOnlySet<string> CheckedFormats = new HashSet<string>(StringComparer.Ordinal) { "ipv4", "ipv6" };

    /// <summary>Keywords without any effect on validation (documentation, server-side defaulting, merge hints).</summary>
    private static readonly HashSet<string> Ignored =
    [
        "description", "default", "example", "title", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
    ];

    public ConversionStats Stats { get; } = new();

    /// <summary>Converts one schema node. <paramref name="inBranch"/> is true below anyOf/oneOf/allOf/not, whose
    /// partial object schemas must stay open (they constrain some properties of an object defined elsewhere).</summary>
    public JsonObject Convert(YamlMappingNode node, string path, bool inBranch = false)
    {
        var s = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        string? type = null;
        bool nullable = false, intOrString = false, preserveUnknown = false;
        foreach (var (keyNode, value) in node.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            switch (key)
            {
                case "type": type = Scalar(value); break;
                case "nullable": nullable = Scalar(value) == "true"; break;
                case "x-kubernetes-int-or-string": intOrString = Scalar(value) == "true"; break;
                case "x-kubernetes-preserve-unknown-fields": preserveUnknown = Scalar(value) == "true"; break;
                case "x-kubernetes-embedded-resource": preserveUnknown |= Scalar(value) == "true"; break;
                case "x-kubernetes-validations": Stats.CelRules += ((YamlSequenceNode)value).Children.Count; break;
                case "x-kubernetes-list-type":
                    if (Scalar(value) is "set" or "map") Stats.UniqueLists++;
                    break;
                case "properties":
                    var props = new JsonObject();
                    foreach (var (name, sub) in ((YamlMappingNode)value).Children.OrderBy(p => ((YamlScalarNode)p.Key).Value, StringComparer.Ordinal))
                    {
                        var n = ((YamlScalarNode)name).Value!;
                        props[n] = Convert((YamlMappingNode)sub, $"{path}.{n}", inBranch);
                    }
                    s["properties"] = props;
                    break;
                case "items": s["items"] = Convert((YamlMappingNode)value, $"{path}[]", inBranch); break;
                case "additionalProperties":
                    s["additionalProperties"] = value is YamlMappingNode m
                        ? Convert(m, $"{path}{{}}", inBranch)
                        : JsonValue.Create(Scalar(value) == "true");
                    break;
                case "anyOf" or "oneOf" or "allOf":
                    // oneOf becomes anyOf: the Gateway API uses oneOf over a discriminator that the API server
                    // defaults (addresses[].type); without defaulting both branches can pass and oneOf would fail.
                    var target = key == "allOf" ? "allOf" : "anyOf";
                    s[target] = new JsonArray([.. ((YamlSequenceNode)value).Children
                        .Select((b, i) => (JsonNode)Convert((YamlMappingNode)b, $"{path}|{key}[{i}]", inBranch: true))]);
                    break;
                case "not": s["not"] = Convert((YamlMappingNode)value, $"{path}!", inBranch: true); break;
                case "required": s["required"] = new JsonArray([.. ((YamlSequenceNode)value).Children.Select(c => (JsonNode)JsonValue.Create(Scalar(c) ?? ""))]); break;
                case "enum": s["enum"] = new JsonArray([.. ((YamlSequenceNode)value).Children.Select(c => Typed(c, node))]); break;
                case "pattern": s["pattern"] = JsonValue.Create(Scalar(value)); break;
                case "format":
                    var format = Scalar(value)!;
                    if (CheckedFormats.Contains(format)) s["format"] = JsonValue.Create(format);
                    else Stats.DroppedFormats[format] = Stats.DroppedFormats.GetValueOrDefault(format) + 1;
                    break;
                case "minimum" or "maximum" or "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties":
                    s[key] = Number(value);
                    break;
                case "exclusiveMinimum" or "exclusiveMaximum":
                    // OpenAPI v3.0 spells these as booleans next to minimum/maximum; resolved below.
                    s[key] = JsonValue.Create(Scalar(value) == "true");
                    break;
                default:
                    if (!Ignored.Contains(key)) throw new InvalidDataException($"{path}: unsupported keyword '{key}'");
                    break;
            }
        }
        ResolveExclusive(s, "exclusiveMinimum", "minimum");
        ResolveExclusive(s, "exclusiveMaximum", "maximum");
        if (intOrString) s["type"] = Types(nullable, "integer", "string");
        else if (type is not null) s["type"] = Types(nullable, type);
        if (type == "object" && s.ContainsKey("properties") && !s.ContainsKey("additionalProperties") && !preserveUnknown && !inBranch)
            s["additionalProperties"] = JsonValue.Create(false);
        return JsonOutput.Ordered(s);
    }

    private static void ResolveExclusive(Dictionary<string, JsonNode?> s, string exclusive, string bound)
    {
        if (!s.Remove(exclusive, out var flag) || !flag!.GetValue<bool>()) return;
        if (s.Remove(bound, out var value)) s[exclusive] = value;
    }

    private static JsonNode Types(bool nullable, params string[] types)
    {
        var all = nullable ? [.. types, "null"] : types;
        return all.Length == 1 ? JsonValue.Create(all[0]) : new JsonArray([.. all.Select(t => (JsonNode)JsonValue.Create(t))]);
    }

    /// <summary>An enum member, typed by the schema it belongs to (YAML alone cannot tell "301" from 301).</summary>
    private static JsonValue? Typed(YamlNode value, YamlMappingNode schema)
    {
        var text = Scalar(value) ?? "";
        return CrdDocument.Str(schema, "type") switch
        {
            "integer" => JsonValue.Create(long.Parse(text, CultureInfo.InvariantCulture)),
            "number" => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            "boolean" => JsonValue.Create(text == "true"),
            _ => JsonValue.Create(text),
        };
    }

    private static JsonValue Number(YamlNode value)
    {
        var text = Scalar(value)!;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? JsonValue.Create(l)
            : JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture));
    }

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;
}

/// <summary>What a conversion left out on purpose, for the README.</summary>
internal sealed class ConversionStats
{
    public int CelRules { get; set; }
    public int UniqueLists { get; set; }
    public SortedDictionary<string, int> DroppedFormats { get; } = new(StringComparer.Ordinal);

    public void Add(ConversionStats other)
    {
        CelRules += other.CelRules;
        UniqueLists += other.UniqueLists;
        foreach (var (k, v) in other.DroppedFormats) DroppedFormats[k] = DroppedFormats.GetValueOrDefault(k) + v;
    }
}

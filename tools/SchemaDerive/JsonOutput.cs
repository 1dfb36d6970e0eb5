using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meshc.SchemaDerive;

/// <summary>Deterministic JSON: keywords in one fixed order, 2-space indent, '\n' line ends, a trailing newline.</summary>
internal static class JsonOutput
{
    /// <summary>The order keywords are written in: identity first, then constraints, then sub-schemas.</summary>
    private static readonly string[] KeywordOrder =
    [
        "$schema", "$comment", "title", "type", "const", "enum", "format", "pattern", "minLength", "maxLength",
        "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "minItems", "maxItems", "items",
        "minProperties", "maxProperties", "required", "properties", "additionalProperties", "allOf", "anyOf", "not",
    ];

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Patterns are full of '<', '+', '\'' that the default encoder would escape as \u003C and friends.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A schema object with its keywords in <see cref="KeywordOrder"/>.</summary>
    public static JsonObject Ordered(IReadOnlyDictionary<string, JsonNode?> keywords)
    {
        var unknown = keywords.Keys.Except(KeywordOrder).ToList();
        if (unknown.Count > 0) throw new InvalidOperationException($"no place for keyword(s) {string.Join(", ", unknown)}");
        var result = new JsonObject();
        foreach (var key in KeywordOrder)
            if (keywords.TryGetValue(key, out var value)) result[key] = value;
        return result;
    }

    public static string Serialize(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options)) node.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}

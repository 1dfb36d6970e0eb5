using System.Text.Json;
using System.Text.Json.Nodes;

namespace Meshc.Compiler.Schemas;

/// <summary>What JSON Schema sees in a value: its type, its number, its length in characters.</summary>
internal static class SchemaValues
{
    /// <summary>The instance's type; a whole number is Integer | Number, as JSON Schema counts 1.0 as an integer.</summary>
    public static JsonTypes KindOf(JsonNode? value) => value switch
    {
        null => JsonTypes.Null,
        JsonObject => JsonTypes.Object,
        JsonArray => JsonTypes.Array,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => JsonTypes.String,
            JsonValueKind.True or JsonValueKind.False => JsonTypes.Boolean,
            JsonValueKind.Number => NumberOf(v) is { } n && Math.Floor(n) == n && double.IsFinite(n)
                ? JsonTypes.Integer | JsonTypes.Number
                : JsonTypes.Number,
            _ => JsonTypes.Null,
        },
        _ => JsonTypes.Null,
    };

    /// <summary>Whether an instance of <paramref name="kind"/> satisfies a type keyword allowing <paramref name="allowed"/>.</summary>
    public static bool IsAllowed(JsonTypes allowed, JsonTypes kind) => allowed == JsonTypes.Any || (allowed & kind) != 0;

    public static double? NumberOf(JsonValue value)
    {
        if (value.TryGetValue<long>(out var l)) return l;
        if (value.TryGetValue<double>(out var d)) return d;
        if (value.TryGetValue<int>(out var i)) return i;
        if (value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number) return e.GetDouble();
        return null;
    }

    /// <summary>Length in Unicode code points, which is what minLength/maxLength count.</summary>
    public static int CodePoints(string text)
    {
        var length = text.Length;
        foreach (var c in text)
            if (char.IsLowSurrogate(c)) length--;
        return length;
    }

    /// <summary>JSON equality for enum and const (numbers by value, so 301 equals 301.0).</summary>
    public static bool Equal(JsonNode? a, JsonNode? b)
    {
        if (a is JsonValue va && b is JsonValue vb && va.GetValueKind() == JsonValueKind.Number && vb.GetValueKind() == JsonValueKind.Number)
            return NumberOf(va) == NumberOf(vb);
        return JsonNode.DeepEquals(a, b);
    }
}

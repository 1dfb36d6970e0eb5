using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using Meshc.Compiler.Output;

namespace Meshc.Compiler.BackEnds.Xds;

/// <summary>
/// Writes JSON as block-style YAML, for files people read (the Envoy bootstrap). Every string is double-quoted
/// with JSON escapes, which YAML reads the same way, so no value can change type (<c>"80"</c> stays a string).
/// </summary>
internal static partial class JsonYamlWriter
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainKey();

    /// <summary><paramref name="root"/> (an object) as YAML, ending in a newline.</summary>
    public static string Write(JsonNode root)
    {
        var sb = new StringBuilder();
        Block(sb, root, 0);
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, JsonNode? node, int indent)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    sb.Append(' ', indent).Append(Key(key)).Append(':');
                    Value(sb, value, indent);
                }
                break;
            case JsonArray arr:
                foreach (var item in arr)
                {
                    sb.Append(' ', indent).Append('-');
                    if (item is JsonObject { Count: > 0 } element)
                    {
                        // The first member goes on the dash's line, the others line up under it.
                        var inner = new StringBuilder();
                        Block(inner, element, indent + 2);
                        sb.Append(' ').Append(inner.ToString()[(indent + 2)..]);
                    }
                    else Value(sb, item, indent);
                }
                break;
        }
    }

    private static void Value(StringBuilder sb, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 }:
                sb.Append(" {}\n");
                break;
            case JsonArray { Count: 0 }:
                sb.Append(" []\n");
                break;
            case JsonObject or JsonArray:
                sb.Append('\n');
                Block(sb, value, indent + 2);
                break;
            default:
                sb.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => JsonString.Quote(s),
        _ => value.ToJsonString(),
    };

    private static string Key(string key) => PlainKey().IsMatch(key) ? key : JsonString.Quote(key);
}

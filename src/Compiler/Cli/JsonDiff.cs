using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Meshc.Compiler.Cli;

/// <summary>
/// A compact field-level diff of two JSON trees: one line per differing leaf or subtree, <c>path: old → new</c>, with
/// <c>(none)</c> for a missing side. Arrays are compared position by position (xDS and manifests keep a stable order).
/// </summary>
public static partial class JsonDiff
{
    private const int MaxValueLength = 120;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Compare(JsonNode? before, JsonNode? after)
    {
        var lines = new List<string>();
        Walk("", before, after, lines);
        return lines;
    }

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<string> lines)
    {
        if (JsonNode.DeepEquals(before, after)) return;
        switch (before, after)
        {
            case (JsonObject o, JsonObject n):
                var keys = o.Select(e => e.Key).Concat(n.Select(e => e.Key).Where(k => !o.ContainsKey(k)));
                foreach (var key in keys) Walk(Member(path, key), o[key], n[key], lines);
                break;
            case (JsonArray o, JsonArray n):
                for (var i = 0; i < Math.Max(o.Count, n.Count); i++)
                    Walk($"{path}[{i}]", i < o.Count ? o[i] : null, i < n.Count ? n[i] : null, lines);
                break;
            default:
                lines.Add($"{(path.Length == 0 ? "(whole)" : path)}: {Show(before)} → {Show(after)}");
                break;
        }
    }

    private static string Member(string path, string key) =>
        SimpleKey().IsMatch(key) ? (path.Length == 0 ? key : $"{path}.{key}") : $"{path}[{Output.JsonString.Quote(key)}]";

    private static string Show(JsonNode? node)
    {
        if (node is null) return "(none)";
        var text = node.ToJsonString(Compact);
        return text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleKey();
}

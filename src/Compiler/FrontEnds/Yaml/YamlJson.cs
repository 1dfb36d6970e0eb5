using System.Globalization;
using System.Text.Json.Nodes;
using Meshc.Compiler.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Converts a YAML node to JSON (System.Text.Json nodes), resolving plain scalars by the YAML 1.2 core schema
/// (null, booleans, integers, floats; everything quoted stays a string), and records where each value and each
/// mapping key came from, by JSON pointer, so findings on the JSON can point back into the YAML.
/// </summary>
internal sealed class YamlJson
{
    private readonly string _path;

    private YamlJson(string path) => _path = path;

    /// <summary>JSON pointer (RFC 6901, "" for the root) → position of the value.</summary>
    public Dictionary<string, SourceLocation> ValueLocations { get; } = new(StringComparer.Ordinal);

    /// <summary>JSON pointer of a mapping member → position of its key.</summary>
    public Dictionary<string, SourceLocation> KeyLocations { get; } = new(StringComparer.Ordinal);

    public JsonNode? Root { get; private set; }

    public static YamlJson Convert(YamlNode node, string path)
    {
        var converter = new YamlJson(path);
        converter.Root = converter.ToJson(node, "");
        return converter;
    }

    /// <summary>The best position for a pointer: the value's, else the nearest enclosing value's.</summary>
    public SourceLocation Locate(string pointer)
    {
        while (true)
        {
            if (ValueLocations.TryGetValue(pointer, out var at)) return at;
            if (pointer.Length == 0) return new SourceLocation(_path, 1, 1);
            pointer = pointer[..pointer.LastIndexOf('/')];
        }
    }

    private JsonNode? ToJson(YamlNode node, string pointer)
    {
        ValueLocations[pointer] = node.LocationIn(_path);
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map.Children)
                {
                    var key = (k as YamlScalarNode)?.Value ?? k.ToString();
                    var child = $"{pointer}/{Escape(key)}";
                    KeyLocations[child] = k.LocationIn(_path);
                    obj[key] = ToJson(v, child);
                }
                return obj;
            case YamlSequenceNode seq:
                var arr = new JsonArray();
                for (var i = 0; i < seq.Children.Count; i++) arr.Add(ToJson(seq.Children[i], $"{pointer}/{i}"));
                return arr;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode s)
    {
        var v = s.Value ?? "";
        if (s.Style != ScalarStyle.Plain) return JsonValue.Create(v);
        if (s.IsNull()) return null;
        if (v is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (v is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (v.Length > 0 && (char.IsDigit(v[0]) || v[0] is '-' or '+' or '.') &&
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            return JsonValue.Create(d);
        return JsonValue.Create(v);
    }

    private static string Escape(string key) => key.Replace("~", "~0").Replace("/", "~1");
}

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
    private readonly YamlNode _node;
    private readonly string _path;
    private Dictionary<string, SourceLocation>? _valueLocations;
    private Dictionary<string, SourceLocation>? _keyLocations;

    private YamlJson(YamlNode node, string path)
    {
        _node = node;
        _path = path;
    }

    /// <summary>JSON pointer (RFC 6901, "" for the root) → position of the value.</summary>
    /// <remarks>Positions are only wanted when something is reported, so they are recorded on first use.</remarks>
    public Dictionary<string, SourceLocation> ValueLocations
    {
        get
        {
            RecordLocations();
            return _valueLocations!;
        }
    }

    /// <summary>JSON pointer of a mapping member → position of its key.</summary>
    public Dictionary<string, SourceLocation> KeyLocations
    {
        get
        {
            RecordLocations();
            return _keyLocations!;
        }
    }

    public JsonNode? Root { get; private set; }

    public static YamlJson Convert(YamlNode node, string path) => new(node, path) { Root = ToJson(node) };

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

    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                for (var i = 0; i < map.Children.Count; i++) obj[KeyOf(map.Children[i].Key)] = ToJson(map.Children[i].Value);
                return obj;
            case YamlSequenceNode seq:
                var arr = new JsonArray();
                for (var i = 0; i < seq.Children.Count; i++) arr.Add(ToJson(seq.Children[i]));
                return arr;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private void RecordLocations()
    {
        if (_valueLocations is not null) return;
        _valueLocations = new(StringComparer.Ordinal);
        _keyLocations = new(StringComparer.Ordinal);
        Record(_node, "");
    }

    // The same walk as ToJson, so every pointer names the JSON value made from that node.
    private void Record(YamlNode node, string pointer)
    {
        _valueLocations![pointer] = node.LocationIn(_path);
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    var child = $"{pointer}/{Escape(KeyOf(k))}";
                    _keyLocations![child] = k.LocationIn(_path);
                    Record(v, child);
                }
                break;
            case YamlSequenceNode seq:
                for (var i = 0; i < seq.Children.Count; i++) Record(seq.Children[i], $"{pointer}/{i}");
                break;
        }
    }

    private static string KeyOf(YamlNode key) => (key as YamlScalarNode)?.Value ?? key.ToString();

    private static JsonValue? Scalar(YamlScalarNode s)
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

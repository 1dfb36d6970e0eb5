using System.Globalization;
using Meshc.Compiler.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Yaml;

/// <summary>
/// Lenient typed access to YAML nodes. A value of the wrong shape reads as absent: the schema check has already
/// reported it with its position, so readers never throw on bad input.
/// </summary>
internal static class YamlNodeExtensions
{
    public static SourceLocation LocationIn(this YamlNode node, string path) =>
        new(path, (int)node.Start.Line, (int)node.Start.Column);

    public static YamlNode? Get(this YamlMappingNode? map, string key)
    {
        if (map is null) return null;
        // By index: Children is an interface, so foreach would box its enumerator on every lookup.
        var children = map.Children;
        for (var i = 0; i < children.Count; i++)
            if (children[i] is { Key: YamlScalarNode s } entry && s.Value == key) return entry.Value;
        return null;
    }

    /// <summary>The key node of <paramref name="key"/>, for positions that should point at the key rather than the value.</summary>
    public static YamlNode? GetKey(this YamlMappingNode? map, string key) =>
        map?.Children.Keys.FirstOrDefault(k => k is YamlScalarNode s && s.Value == key);

    public static YamlMappingNode? Map(this YamlMappingNode? map, string key) => map.Get(key) as YamlMappingNode;

    public static IEnumerable<YamlNode> Seq(this YamlMappingNode? map, string key) =>
        map.Get(key) is YamlSequenceNode seq ? seq.Children : [];

    public static IEnumerable<YamlMappingNode> Maps(this YamlMappingNode? map, string key) =>
        map.Seq(key).OfType<YamlMappingNode>();

    public static string? Str(this YamlMappingNode? map, string key) =>
        map.Get(key) is YamlScalarNode { Value: { } v } s && !IsNull(s) ? v : null;

    public static long? Long(this YamlMappingNode? map, string key) =>
        map.Str(key) is { } v && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static int? Int(this YamlMappingNode? map, string key) =>
        map.Long(key) is { } n && n is >= int.MinValue and <= int.MaxValue ? (int)n : null;

    public static bool? Bool(this YamlMappingNode? map, string key) => map.Str(key) switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public static IEnumerable<string> Strings(this YamlMappingNode? map, string key) =>
        map.Seq(key).OfType<YamlScalarNode>().Where(s => s.Value is not null && !IsNull(s)).Select(s => s.Value!);

    /// <summary>A plain (unquoted) <c>null</c> or <c>~</c> or empty scalar is YAML's null.</summary>
    public static bool IsNull(this YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Entries of a string-to-string mapping (labels, annotations, selectors), sorted by key.</summary>
    public static Ir.ValueList<Ir.Label> Labels(this YamlMappingNode? map, string key)
    {
        if (map.Map(key) is not { } m) return Ir.ValueList<Ir.Label>.Empty;
        return m.Children
            .Where(kv => kv.Key is YamlScalarNode && kv.Value is YamlScalarNode)
            .Select(kv => new Ir.Label(((YamlScalarNode)kv.Key).Value ?? "", ((YamlScalarNode)kv.Value).Value ?? ""))
            .OrderBy(l => l.Key, StringComparer.Ordinal)
            .ToList();
    }
}

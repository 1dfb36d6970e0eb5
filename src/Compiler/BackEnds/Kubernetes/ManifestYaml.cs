using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.BackEnds.Kubernetes;

/// <summary>
/// Reads emitted manifests (and bundle YAML files) back as JSON trees, for schema validation and <c>meshc diff</c>.
/// Only what meshc writes needs to round-trip: plain scalars that look like integers, booleans or null become those;
/// every quoted scalar stays a string.
/// </summary>
internal static class ManifestYaml
{
    /// <summary>Every document of a (multi-document) YAML text, in order; empty documents are skipped.</summary>
    /// <exception cref="YamlException">The text is not YAML, or breaks a bound of <see cref="Text.Yaml.YamlLimits"/>.</exception>
    public static IReadOnlyList<JsonNode> Parse(string text)
    {
        var stream = Text.Yaml.BoundedYaml.Load(text);
        return stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonNode>().ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => Object(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    // By key, later wins: two YAML keys may read as one string ('a' and "a"), which JsonObject's constructor refuses.
    private static JsonObject Object(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children) obj[(key as YamlScalarNode)?.Value ?? key.ToString()] = ToJson(value);
        return obj;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
        if (text is "" or "~" or "null") return null;
        if (text is "true" or "false") return JsonValue.Create(text == "true");
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && char.IsAsciiDigit(text[^1]))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}

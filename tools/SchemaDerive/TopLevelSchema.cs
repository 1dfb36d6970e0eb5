using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Meshc.SchemaDerive;

/// <summary>
/// The parts every Kubernetes object shares, written the same way for every kind: apiVersion (the versions this
/// schema serves), kind, metadata (open, except the fields meshc reads) and status (open: meshc computes status,
/// it never reads it from input).
/// </summary>
internal static class TopLevelSchema
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private static readonly string[] Standard = ["apiVersion", "kind", "metadata", "status"];

    /// <summary>Converts a CRD root schema: the standard fields are replaced, everything else converted.</summary>
    public static JsonObject Convert(YamlMappingNode root, SchemaConverter converter)
    {
        var trimmed = new YamlMappingNode();
        foreach (var (key, value) in root.Children)
        {
            if (key is YamlScalarNode { Value: "properties" } && value is YamlMappingNode props)
            {
                var kept = new YamlMappingNode();
                foreach (var (name, sub) in props.Children)
                    if (!Standard.Contains(((YamlScalarNode)name).Value)) kept.Add(name, sub);
                trimmed.Add(key, kept);
            }
            else trimmed.Add(key, value);
        }
        return converter.Convert(trimmed, "");
    }

    /// <summary>Adds $schema, a comment, and the standard properties to a converted root.</summary>
    public static JsonObject Complete(JsonObject converted, string kind, IEnumerable<string> apiVersions, string comment)
    {
        var keywords = converted.ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);
        keywords["$schema"] = Draft;
        keywords["$comment"] = comment;
        var props = (JsonObject?)keywords.GetValueOrDefault("properties")?.DeepClone() ?? [];
        props["apiVersion"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. apiVersions.Select(v => (JsonNode)v)]) };
        props["kind"] = new JsonObject { ["type"] = "string", ["const"] = kind };
        props["metadata"] = Metadata();
        props["status"] = new JsonObject { ["type"] = "object" };
        keywords["properties"] = new JsonObject(props.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        keywords["additionalProperties"] = false;
        keywords["type"] = "object";
        return JsonOutput.Ordered(keywords);
    }

    /// <summary>ObjectMeta: name and namespace are strings, labels and annotations string maps; the rest stays open.</summary>
    private static JsonObject Metadata()
    {
        JsonObject StringMap() => new() { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } };
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["annotations"] = StringMap(),
                ["labels"] = StringMap(),
                ["name"] = new JsonObject { ["type"] = "string" },
                ["namespace"] = new JsonObject { ["type"] = "string" },
            },
        };
    }
}

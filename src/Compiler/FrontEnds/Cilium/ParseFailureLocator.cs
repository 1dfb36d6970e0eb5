using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Meshc.EnvoyApi;

namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>
/// Finds which value made Envoy's JSON parser reject a resource, since its messages name no field ("Expected string
/// value for Duration"). Each member is parsed on its own, and the search descends into the failing one (messages,
/// list items, map values, <c>Any</c> payloads) until the deepest failing value is found. Runs only after a failure.
/// </summary>
internal static class ParseFailureLocator
{
    /// <summary>The JSON pointer of the deepest value that fails to parse, or "" when no single member explains it.</summary>
    public static string Find(JsonObject json, MessageDescriptor type) => Member(json, type, "") ?? "";

    private static string? Member(JsonObject json, MessageDescriptor type, string pointer)
    {
        foreach (var (key, value) in json)
        {
            if (key == "@type" || Parses(type, new JsonObject { [key] = value?.DeepClone() })) continue;
            var at = $"{pointer}/{YamlJsonPointer.Escape(key)}";
            if (EnvoyFields.Find(type, key) is not { } field) return at;
            return Value(value, field, at) ?? at;
        }
        return null;
    }

    private static string? Value(JsonNode? value, FieldDescriptor field, string pointer)
    {
        if (field.FieldType != FieldType.Message) return null;
        if (field.IsMap && value is JsonObject map)
        {
            var valueField = field.MessageType.FindFieldByNumber(2);
            foreach (var (key, item) in map)
                if (Single(item, valueField.MessageType, $"{pointer}/{YamlJsonPointer.Escape(key)}") is { } at) return at;
            return null;
        }
        if (field.IsRepeated && value is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
                if (Single(list[i], field.MessageType, $"{pointer}/{i}") is { } at) return at;
            return null;
        }
        return Single(value, field.MessageType, pointer);
    }

    /// <summary>The failing pointer inside one message value, the value's own pointer when it fails as a whole, or null when it parses.</summary>
    private static string? Single(JsonNode? value, MessageDescriptor? type, string pointer)
    {
        if (type is null || value is not JsonObject obj) return type is not null && value is not null && !Parses(type, value) ? pointer : null;
        if (Parses(type, obj)) return null;
        if (type.FullName == Any.Descriptor.FullName)
        {
            var payload = obj["@type"] is JsonValue url && url.TryGetValue<string>(out var s) ? EnvoyTypes.FindMessage(s) : null;
            return payload is null || WellKnownLeaves.Contains(payload) ? pointer : Member(obj, payload, pointer) ?? pointer;
        }
        return WellKnownLeaves.Contains(type) ? pointer : Member(obj, type, pointer) ?? pointer;
    }

    private static bool Parses(MessageDescriptor type, JsonNode json)
    {
        try
        {
            EnvoyJson.Parse(type, json.ToJsonString());
            return true;
        }
        catch (EnvoyJsonException)
        {
            return false;
        }
    }
}

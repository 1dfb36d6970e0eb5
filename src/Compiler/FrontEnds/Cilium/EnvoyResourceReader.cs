using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Yaml;
using Meshc.Compiler.Ir;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;
using Meshc.EnvoyApi.Validation;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>
/// Reads one entry of a CiliumEnvoyConfig's <c>spec.resources</c> as strictly as Envoy loads it, in three steps:
/// the YAML is walked against the message descriptor (<see cref="EnvoyFieldWalker"/>: unknown keys and types at
/// their exact position), then parsed by Envoy's JSON mapping (MC0108 for what the walk could not see), then
/// checked against the protoc-gen-validate rules Envoy enforces (MC0108 per broken rule, at the offending field).
/// </summary>
/// <remarks>Syntax: <c>- "@type": type.googleapis.com/envoy.config.listener.v3.Listener\n  name: …</c></remarks>
internal static class EnvoyResourceReader
{
    /// <summary>The resource in canonical JSON, or null when it is not valid (the reasons are reported).</summary>
    public static EnvoyResource? Read(YamlNode node, string path, DiagnosticBag diagnostics)
    {
        var origin = node.LocationIn(path);
        if (node is not YamlMappingNode map)
        {
            diagnostics.ReportEnvoyInvalidResource(origin, "resource", "", "an entry of spec.resources must be a mapping with an '@type'");
            return null;
        }
        if (map.Get("@type") is not YamlScalarNode { Value: { Length: > 0 } typeUrl } typeNode)
        {
            diagnostics.ReportMissingField(origin, "Envoy resource", "@type");
            return null;
        }
        if (EnvoyResourceTypes.Find(typeUrl) is not { } type)
        {
            diagnostics.ReportEnvoyUnknownType(typeNode.LocationIn(path), typeUrl, Spelling.DidYouMean(typeUrl, EnvoyResourceTypes.All));
            return null;
        }
        var nameField = EnvoyResourceTypes.NameField(type);
        var writtenName = map.Get(nameField.Name) is YamlScalarNode { Value: { } n } ? n : map.Str(nameField.JsonName) ?? "";

        var walk = EnvoyFieldWalker.Walk(map, type, path, writtenName, diagnostics);
        if (walk.HasErrors) return null;
        var json = YamlJson.Convert(map, path);
        var (parsed, failure) = Parse(json.Root as JsonObject ?? [], type, walk.IgnoredPointers);
        if (parsed is null)
        {
            // The parser's message names no field: find the value it choked on and point there.
            var pointer = ParseFailureLocator.Find((JsonObject)json.Root!, type);
            var detail = pointer.Length == 0 ? failure! : $"{YamlJsonPointer.Display(pointer)}: {failure}";
            diagnostics.ReportEnvoyInvalidResource(json.Locate(pointer), type.Name, writtenName, detail);
            return null;
        }

        var name = (string)nameField.Accessor.GetValue(parsed);
        if (name.Length == 0) diagnostics.ReportMissingField(origin, $"Envoy {type.Name}", nameField.Name);
        var valid = name.Length > 0;
        foreach (var violation in PgvValidator.Validate(parsed))
        {
            if ((violation.FieldPath == nameField.Name && name.Length == 0) || AgentFilledFields.Covers(violation)) continue;
            valid = false;
            var at = FieldPathLocator.Find(map, violation.FieldPath).LocationIn(path);
            diagnostics.ReportEnvoyInvalidResource(at, type.Name, name,
                $"{violation.FieldPath}: {violation.Message} (rule {violation.Rule})");
        }
        return valid ? new EnvoyResource(EnvoyTypes.TypeUrlOf(type), name, EnvoyJson.Format(parsed), origin) : null;
    }

    /// <summary>The resource's typed JSON minus ignored deprecated fields and its own <c>@type</c>, parsed strictly.</summary>
    private static (IMessage? Message, string? Failure) Parse(JsonObject json, MessageDescriptor type, IReadOnlyList<string> ignored)
    {
        foreach (var pointer in ignored) YamlJsonPointer.Remove(json, pointer);
        json.Remove("@type");
        try
        {
            return (EnvoyJson.Parse(type, json.ToJsonString()), null);
        }
        catch (EnvoyJsonException e)
        {
            return (null, e.InnerException?.Message ?? e.Message);
        }
    }
}

using System.Globalization;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Yaml;
using Meshc.Compiler.Text;
using Meshc.EnvoyApi;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.FrontEnds.Cilium;

/// <summary>
/// Walks a resource's YAML alongside its message descriptor before any JSON parsing, so every mistake is reported
/// where it was written: an unknown key (MC0107 at the key, with "did you mean"), an unknown <c>Any</c> type (MC0109
/// at its <c>@type</c>), a wrong shape, an unknown enum name or a second member of one oneof (MC0108 at the value),
/// and a deprecated field (MC0140). Well-known types are leaves: the JSON parser checks their values.
/// </summary>
internal sealed class EnvoyFieldWalker
{
    private readonly string _path;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _resourceType;
    private readonly string _resourceName;

    private EnvoyFieldWalker(string path, DiagnosticBag diagnostics, string resourceType, string resourceName)
    {
        _path = path;
        _diagnostics = diagnostics;
        _resourceType = resourceType;
        _resourceName = resourceName;
    }

    /// <summary>True when an error was reported; the resource is then not parsed (the walk already explained why).</summary>
    public bool HasErrors { get; private set; }

    /// <summary>JSON pointers (as <see cref="YamlJson"/> writes them) of deprecated fields Envoy ignores; they are removed before parsing.</summary>
    public List<string> IgnoredPointers { get; } = [];

    /// <summary>Walks one resource; the result tells whether it may be parsed and what to drop first.</summary>
    public static EnvoyFieldWalker Walk(YamlMappingNode resource, MessageDescriptor type, string path, string resourceName, DiagnosticBag diagnostics)
    {
        var walker = new EnvoyFieldWalker(path, diagnostics, type.Name, resourceName);
        walker.Message(resource, type, "", "", skipTypeKey: true);
        return walker;
    }

    private void Message(YamlNode node, MessageDescriptor type, string pointer, string display, bool skipTypeKey)
    {
        if (type.FullName == Any.Descriptor.FullName)
        {
            AnyValue(node, pointer, display);
            return;
        }
        if (WellKnownLeaves.Contains(type))
        {
            if (!WellKnownLeaves.Fits(type, node)) Invalid(node, display, WellKnownLeaves.Expected(type));
            return;
        }
        if (node is not YamlMappingNode map)
        {
            Invalid(node, display, $"a mapping ({type.FullName})");
            return;
        }
        var oneofs = new Dictionary<OneofDescriptor, string>();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (skipTypeKey && key == "@type") continue;
            var field = EnvoyFields.Find(type, key);
            if (field is null)
            {
                Error();
                _diagnostics.ReportEnvoyUnknownField(At(keyNode), key, type.FullName,
                    Spelling.DidYouMean(key, EnvoyFields.Suggestions(type, key)));
                continue;
            }
            var childPointer = $"{pointer}/{YamlJsonPointer.Escape(key)}";
            var childDisplay = display.Length == 0 ? field.Name : $"{display}.{field.Name}";
            if (field.RealContainingOneof is { } oneof && !oneofs.TryAdd(oneof, key))
            {
                Invalid(keyNode, childDisplay, null,
                    $"'{oneofs[oneof]}' and '{key}' are both set, but only one member of oneof '{oneof.Name}' may be");
                continue;
            }
            if (EnvoyFields.IsDeprecated(field) && Deprecated(keyNode, type, field, childPointer)) continue;
            if (value is YamlScalarNode scalar && scalar.IsNull()) continue;
            Field(value, field, childPointer, childDisplay);
        }
    }

    /// <summary>Reports a deprecated field; true when Envoy ignores it (then its value is not walked, it is dropped).</summary>
    private bool Deprecated(YamlNode keyNode, MessageDescriptor type, FieldDescriptor field, string pointer)
    {
        var ignored = IgnoredDeprecatedFields.Contains($"{type.FullName}.{field.Name}");
        var effect = ignored
            ? "Envoy ignores it, so it is left out of the bundle"
            : "Envoy still reads it but may reject it once the deprecation becomes fatal";
        _diagnostics.ReportEnvoyDeprecatedField(At(keyNode), field.Name, type.FullName, effect);
        if (ignored) IgnoredPointers.Add(pointer);
        return ignored;
    }

    private void Field(YamlNode value, FieldDescriptor field, string pointer, string display)
    {
        if (field.IsMap)
        {
            if (value is not YamlMappingNode map)
            {
                Invalid(value, display, "a mapping");
                return;
            }
            var valueField = field.MessageType.FindFieldByNumber(2);
            foreach (var (k, v) in map.Children)
            {
                var key = (k as YamlScalarNode)?.Value ?? "";
                Single(v, valueField, $"{pointer}/{YamlJsonPointer.Escape(key)}", $"{display}[\"{key}\"]");
            }
        }
        else if (field.IsRepeated)
        {
            if (value is not YamlSequenceNode seq)
            {
                Invalid(value, display, "a list");
                return;
            }
            for (var i = 0; i < seq.Children.Count; i++)
                Single(seq.Children[i], field, $"{pointer}/{i}", $"{display}[{i}]");
        }
        else
        {
            Single(value, field, pointer, display);
        }
    }

    private void Single(YamlNode value, FieldDescriptor field, string pointer, string display)
    {
        switch (field.FieldType)
        {
            case FieldType.Message or FieldType.Group:
                Message(value, field.MessageType, pointer, display, skipTypeKey: false);
                break;
            case FieldType.Enum:
                EnumValue(value, field.EnumType, display);
                break;
            default:
                if (value is not YamlScalarNode) Invalid(value, display, "a single value");
                break;
        }
    }

    private void EnumValue(YamlNode value, EnumDescriptor type, string display)
    {
        if (value is not YamlScalarNode { Value: { } name } scalar)
        {
            Invalid(value, display, $"a value of {type.FullName}");
            return;
        }
        if (scalar.IsNull() || int.TryParse(name, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return;
        if (type.FindValueByName(name) is not null) return;
        Invalid(value, display, null, $"'{name}' is not a value of {type.FullName}",
            Spelling.DidYouMean(name, type.Values.Select(v => v.Name)));
    }

    /// <summary><c>{"@type": url, …payload fields}</c>, or <c>{"@type": url, "value": …}</c> for well-known payloads.</summary>
    private void AnyValue(YamlNode node, string pointer, string display)
    {
        if (node is not YamlMappingNode map)
        {
            Invalid(node, display, "a mapping with an '@type'");
            return;
        }
        if (map.Get("@type") is not YamlScalarNode { Value: { Length: > 0 } typeUrl } typeNode)
        {
            Error();
            _diagnostics.ReportMissingField(At(map), $"{_resourceType} field '{display}' (google.protobuf.Any)", "@type");
            return;
        }
        var payload = typeUrl.Contains('/') ? EnvoyTypes.FindMessage(typeUrl) : null;
        if (payload is null)
        {
            Error();
            _diagnostics.ReportEnvoyUnknownType(At(typeNode), typeUrl, TypeUrlHint(typeUrl));
            return;
        }
        if (payload.FullName == Any.Descriptor.FullName || WellKnownLeaves.Contains(payload))
        {
            // The proto JSON mapping wraps these payloads: {"@type": …, "value": <their JSON>}.
            foreach (var (k, v) in map.Children)
            {
                var key = (k as YamlScalarNode)?.Value ?? "";
                if (key == "@type") continue;
                if (key != "value")
                {
                    Error();
                    _diagnostics.ReportEnvoyUnknownField(At(k), key, Any.Descriptor.FullName, Spelling.DidYouMean(key, ["value"]));
                    continue;
                }
                Message(v, payload, $"{pointer}/value", $"{display}.value", skipTypeKey: false);
            }
            return;
        }
        Message(map, payload, pointer, display, skipTypeKey: true);
    }

    private static string? TypeUrlHint(string typeUrl)
    {
        if (!typeUrl.Contains('/') && EnvoyTypes.FindMessage(typeUrl) is not null)
            return $"did you mean '{EnvoyTypes.TypeUrlPrefix}{typeUrl}'?";
        return Spelling.DidYouMean(typeUrl, EnvoyTypes.Messages.Select(EnvoyTypes.TypeUrlOf));
    }

    private void Invalid(YamlNode node, string display, string? expected, string? detail = null, string? hint = null)
    {
        Error();
        var what = detail ?? $"expected {expected}";
        var text = display.Length == 0 ? what : $"{display}: {what}";
        _diagnostics.ReportEnvoyInvalidResource(At(node), _resourceType, _resourceName, text, hint);
    }

    private void Error() => HasErrors = true;

    private SourceLocation At(YamlNode node) => node.LocationIn(_path);
}

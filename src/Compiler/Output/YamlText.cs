using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Meshc.Compiler.Output;

/// <summary>
/// Writes a JSON tree as block-style YAML, keeping member order and quoting every string that YAML would otherwise
/// read as something else ("True", "80", "null"…), so the output reads back to the same values.
/// </summary>
/// <remarks>
/// The tree goes straight to YamlDotNet's emitter as the events its serializer (with necessary strings quoted, no
/// aliases) sends for the same values: same tags, styles and implicit flags, so the text is the same byte for byte.
/// Sending them directly skips the serializer's reflection over an intermediate object graph, which cost most of the
/// time and allocations of the status files and does not work in the ahead-of-time compiled CLI.
/// </remarks>
public static partial class YamlText
{
    private static readonly TagName StrTag = new("tag:yaml.org,2002:str");
    private static readonly TagName NullTag = new("tag:yaml.org,2002:null");
    private static readonly TagName BoolTag = new("tag:yaml.org,2002:bool");
    private static readonly TagName IntTag = new("tag:yaml.org,2002:int");
    private static readonly TagName FloatTag = new("tag:yaml.org,2002:float");

    public static string Write(JsonNode? node)
    {
        using var buffer = new StringWriter();
        var emitter = new Emitter(buffer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Value(emitter, node);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return buffer.ToString();
    }

    // Value kinds are tried in the order the serializer's input was built in (bool, long, int, double, string); integers
    // go through FormatNumber(object), as the serializer formats them (the double overload would round them).
    private static void Value(Emitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(AnchorName.Empty, NullTag, "", ScalarStyle.Plain, true, false));
                break;
            case JsonObject o:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, false, MappingStyle.Any));
                foreach (var (key, value) in o)
                {
                    String(emitter, key);
                    Value(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray a:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, false, SequenceStyle.Any));
                foreach (var item in a) Value(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue v when v.TryGetValue<bool>(out var b):
                emitter.Emit(new Scalar(AnchorName.Empty, BoolTag, b ? "true" : "false", ScalarStyle.Plain, true, false));
                break;
            case JsonValue v when v.TryGetValue<long>(out var l):
                emitter.Emit(new Scalar(AnchorName.Empty, IntTag, YamlFormatter.Default.FormatNumber((object)l), ScalarStyle.Plain, true, false));
                break;
            case JsonValue v when v.TryGetValue<int>(out var i):
                emitter.Emit(new Scalar(AnchorName.Empty, IntTag, YamlFormatter.Default.FormatNumber((object)i), ScalarStyle.Plain, true, false));
                break;
            case JsonValue v when v.TryGetValue<double>(out var d):
                emitter.Emit(new Scalar(AnchorName.Empty, FloatTag, YamlFormatter.Default.FormatNumber(d), ScalarStyle.Plain, true, false));
                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                String(emitter, text);
                break;
            default:
                String(emitter, node.ToJsonString());
                break;
        }
    }

    // A string that would read back as null, a boolean, a number or with its leading space lost is double-quoted; the
    // emitter picks the style of any other.
    private static void String(Emitter emitter, string value) =>
        emitter.Emit(new Scalar(AnchorName.Empty, StrTag, value,
            value.Trim().Length == 0 || SpecialString().IsMatch(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, false));

    // The YAML 1.2 core schema's non-string plain scalars, and anything starting with white space.
    [GeneratedRegex(@"^(null|Null|NULL|\~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|\s.*)$")]
    private static partial Regex SpecialString();
}

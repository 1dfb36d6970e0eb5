using System.Globalization;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshc.Runtime.RouteTests;

/// <summary>
/// Strict access to one mapping of a route test file. Field names are router_check_tool's: snake_case as in its
/// docs, or lowerCamelCase as its proto-JSON reader also takes. An unknown, repeated or mistyped field is an MC0560 at
/// its position (with a "did you mean"); a value of the wrong type reads as absent after being reported.
/// </summary>
internal sealed class TestFileMapping
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _fields = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly DiagnosticBag _diagnostics;

    public TestFileMapping(YamlMappingNode node, string where, string path, DiagnosticBag diagnostics, IReadOnlyCollection<string> known)
    {
        Node = node;
        Where = where;
        _path = path;
        _diagnostics = diagnostics;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } raw })
            {
                Report(key, $"a key in {where} must be a field name");
                continue;
            }
            var name = SnakeCase(raw);
            if (!known.Contains(name))
            {
                _diagnostics.ReportRouteTestInvalid(At(key), $"unknown field '{raw}' in {where}", Spelling.DidYouMean(name, known));
                continue;
            }
            if (!_fields.TryAdd(name, (key, value))) Report(key, $"'{raw}' appears twice in {where}");
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>Where this mapping's findings go (nested mappings report into the same bag).</summary>
    public DiagnosticBag Diagnostics => _diagnostics;

    /// <summary>What the mapping is, in messages: <c>the input of test 'x'</c>.</summary>
    public string Where { get; }

    public bool Has(string field) => _fields.ContainsKey(field);

    public SourceLocation At(YamlNode node) => new(_path, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>The position of the field's value, or of the mapping when the field is absent.</summary>
    public SourceLocation ValueAt(string field) => _fields.TryGetValue(field, out var f) ? At(f.Value) : At(Node);

    public SourceLocation KeyAt(string field) => _fields.TryGetValue(field, out var f) ? At(f.Key) : At(Node);

    public YamlNode? Value(string field) => _fields.TryGetValue(field, out var f) ? f.Value : null;

    public void Report(YamlNode node, string detail) => _diagnostics.ReportRouteTestInvalid(At(node), detail);

    public void ReportMissing(string field) => _diagnostics.ReportRouteTestInvalid(At(Node), $"{Where} needs '{field}'");

    /// <summary>A string field; YAML null is refused (write <c>""</c> for an empty string). Checks a minimum length when given.</summary>
    public string? String(string field, bool required = false, int minLength = 0)
    {
        if (Value(field) is not { } node)
        {
            if (required) ReportMissing(field);
            return null;
        }
        if (node is not YamlScalarNode scalar || IsNull(scalar))
        {
            Report(node, $"'{field}' in {Where} must be a string{(node is YamlScalarNode ? " (write \"\" for an empty one)" : "")}");
            return null;
        }
        var text = scalar.Value ?? "";
        if (text.Length < minLength)
        {
            Report(node, minLength == 1 ? $"'{field}' in {Where} must not be empty" : $"'{field}' in {Where} needs at least {minLength} characters");
            return null;
        }
        return text;
    }

    public bool Bool(string field)
    {
        if (Value(field) is not { } node) return false;
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "True" or "TRUE" }) return true;
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" or "False" or "FALSE" }) return false;
        Report(node, $"'{field}' in {Where} must be true or false");
        return false;
    }

    /// <summary>A whole number from 0 to <paramref name="max"/>; proto-JSON also writes 64-bit numbers as strings, so those are taken too.</summary>
    public ulong? Number(string field, ulong max)
    {
        if (Value(field) is not { } node) return null;
        if (node is YamlScalarNode { Value: { } text } s && !IsNull(s)
            && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max)
            return n;
        Report(node, $"'{field}' in {Where} must be a whole number from 0 to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    /// <summary>The entries of a sequence field; entries that are not mappings are reported and left out.</summary>
    public IEnumerable<YamlMappingNode> Mappings(string field)
    {
        if (Value(field) is not { } node) yield break;
        if (node is not YamlSequenceNode seq)
        {
            Report(node, $"'{field}' in {Where} must be a list");
            yield break;
        }
        foreach (var entry in seq.Children)
        {
            if (entry is YamlMappingNode map) yield return map;
            else Report(entry, $"each entry of '{field}' in {Where} must be a mapping");
        }
    }

    public YamlMappingNode? Mapping(string field, bool required = false)
    {
        if (Value(field) is not { } node)
        {
            if (required) ReportMissing(field);
            return null;
        }
        if (node is YamlMappingNode map) return map;
        Report(node, $"'{field}' in {Where} must be a mapping");
        return null;
    }

    /// <summary>A plain (unquoted) <c>null</c>, <c>~</c> or empty scalar is YAML's null.</summary>
    public static bool IsNull(YamlScalarNode s) =>
        s.Style == ScalarStyle.Plain && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary><c>testName</c> → <c>test_name</c>; snake_case stays as it is.</summary>
    public static string SnakeCase(string name)
    {
        if (!name.Any(char.IsAsciiLetterUpper)) return name;
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterUpper(c)) text.Append('_').Append(char.ToLowerInvariant(c));
            else text.Append(c);
        }
        return text.ToString();
    }
}

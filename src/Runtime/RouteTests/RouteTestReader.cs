using System.Text.Json;
using System.Text.Json.Nodes;
using Envoy.Config.Route.V3;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;
using Meshc.Compiler.Text.Yaml;
using Meshc.EnvoyApi;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Meshc.Runtime.RouteTests;

/// <summary>
/// Reads a route test file (YAML, or JSON, which YAML reads too) in router_check_tool's schema. Every problem is a
/// diagnostic at its position (MC0101 for syntax, MC0560 for the schema, MC0561 for fields meshc cannot honour,
/// MC0564 for deprecated ones); a file with errors gives no tests, so nothing half-read is run.
/// </summary>
public static class RouteTestReader
{
    private static readonly string[] TopFields = ["tests", "runtime", .. TargetFields()];
    private static readonly string[] TestFields = ["test_name", "input", "validate"];
    private static readonly string[] InputFields =
    [
        "authority", "path", "method", "random_value", "ssl", "internal", "runtime", "additional_request_headers",
        "additional_response_headers", "dynamic_metadata", .. TargetFields(),
    ];
    private static readonly string[] ValidateFields =
    [
        .. Enum.GetValues<RouteValueKind>().Select(ValueCheck.FieldName), "request_header_matches", "response_header_matches",
        "request_header_fields", "response_header_fields",
    ];
    private static readonly string[] HeaderValueFields = ["key", "value"];

    public static RouteTestFile? Read(string path, string text, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ToImmutableSorted().Count(d => d.Severity == Severity.Error);
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(text);
        }
        catch (YamlException e)
        {
            diagnostics.ReportYamlSyntax(new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), e.Message);
            return null;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : Mark.Empty;
            diagnostics.ReportRouteTestInvalid(new SourceLocation(path, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column)),
                "a route test file is one mapping with a 'tests' list (router_check_tool's schema)");
            return null;
        }
        var top = new TestFileMapping(root, "the test file", path, diagnostics, TopFields);
        if (top.Has("runtime"))
            diagnostics.ReportRouteTestUnsupported(top.KeyAt("runtime"), "runtime", "meshc's router does not evaluate runtime_fraction, so there is no runtime to set");
        var target = Target(top);
        var tests = new List<RouteTestCase>();
        if (!top.Has("tests")) top.ReportMissing("tests");
        foreach (var node in top.Mappings("tests")) tests.Add(Test(new TestFileMapping(node, "a test", path, diagnostics, TestFields), path, diagnostics));
        if (top.Has("tests") && tests.Count == 0 && top.Value("tests") is YamlSequenceNode)
            top.Report(top.Value("tests")!, "'tests' needs at least one test");
        var errors = diagnostics.ToImmutableSorted().Count(d => d.Severity == Severity.Error);
        return errors > errorsBefore ? null : new RouteTestFile(path, target, tests);
    }

    private static RouteTestCase Test(TestFileMapping test, string path, DiagnosticBag diagnostics)
    {
        var name = test.String("test_name", required: true, minLength: 1) ?? "";
        var label = name.Length > 0 ? $"test '{name}'" : "a test";
        var inputNode = test.Mapping("input", required: true);
        var validateNode = test.Mapping("validate", required: true);
        var input = inputNode is null
            ? new RouteTestInput("", "", "", 0, false, false, [], [], null)
            : Input(new TestFileMapping(inputNode, $"the input of {label}", path, diagnostics, InputFields), diagnostics);
        var checks = validateNode is null ? [] : Checks(new TestFileMapping(validateNode, $"the validate of {label}", path, diagnostics, ValidateFields), diagnostics);
        return new RouteTestCase(name, test.At(test.Node), input, checks);
    }

    private static RouteTestInput Input(TestFileMapping input, DiagnosticBag diagnostics)
    {
        foreach (var field in new[] { "runtime", "dynamic_metadata" })
            if (input.Has(field))
                diagnostics.ReportRouteTestUnsupported(input.KeyAt(field), field, field == "runtime"
                    ? "meshc's router does not evaluate runtime_fraction"
                    : "meshc's router has no dynamic metadata matchers");
        return new RouteTestInput(
            input.String("authority", required: true, minLength: 1) ?? "",
            input.String("path", required: true, minLength: 1) ?? "",
            input.String("method", required: true, minLength: 3) ?? "",
            input.Number("random_value", ulong.MaxValue) ?? 0,
            input.Bool("ssl"),
            input.Bool("internal"),
            HeaderValues(input, "additional_request_headers"),
            HeaderValues(input, "additional_response_headers"),
            Target(input));
    }

    private static List<RouteCheck> Checks(TestFileMapping validate, DiagnosticBag diagnostics)
    {
        var checks = new List<RouteCheck>();
        foreach (var kind in Enum.GetValues<RouteValueKind>())
        {
            var field = ValueCheck.FieldName(kind);
            if (!validate.Has(field)) continue;
            var expected = kind == RouteValueKind.CodeRedirect
                ? validate.Number(field, uint.MaxValue)?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : validate.String(field);
            if (expected is not null) checks.Add(new ValueCheck(kind, expected, validate.ValueAt(field)));
        }
        foreach (var side in Enum.GetValues<HeaderSide>())
        {
            var matchesField = side == HeaderSide.Request ? "request_header_matches" : "response_header_matches";
            foreach (var node in validate.Mappings(matchesField))
                if (Matcher(validate, node, matchesField) is { } matcher) checks.Add(new HeaderCheck(side, matcher, validate.At(node)));
            var fieldsField = side == HeaderSide.Request ? "request_header_fields" : "response_header_fields";
            if (validate.Has(fieldsField)) diagnostics.ReportRouteTestDeprecatedField(validate.KeyAt(fieldsField), fieldsField, matchesField);
            foreach (var (key, value, at) in HeaderValuesAt(validate, fieldsField)) checks.Add(new HeaderFieldCheck(side, key, value, at));
        }
        // A test that checks nothing cannot fail, so it proves nothing.
        if (checks.Count == 0 && validate.Node.Children.Count == 0)
            validate.Report(validate.Node, $"{validate.Where} checks nothing; give at least one of {string.Join(", ", ValidateFields.Take(7))} or a header check");
        return checks;
    }

    private static List<KeyValuePair<string, string>> HeaderValues(TestFileMapping map, string field) =>
        HeaderValuesAt(map, field).Select(h => KeyValuePair.Create(h.Key, h.Value)).ToList();

    private static IEnumerable<(string Key, string Value, SourceLocation At)> HeaderValuesAt(TestFileMapping map, string field)
    {
        foreach (var node in map.Mappings(field))
        {
            var entry = new TestFileMapping(node, $"an entry of '{field}'", map.At(node).Path, map.Diagnostics, HeaderValueFields);
            var key = entry.String("key", required: true, minLength: 1);
            var value = entry.String("value", required: true);
            if (key is not null && value is not null) yield return (key.ToLowerInvariant(), value, map.At(node));
        }
    }

    /// <summary>An Envoy HeaderMatcher, read strictly by its proto-JSON mapping as Envoy reads it.</summary>
    private static HeaderMatcher? Matcher(TestFileMapping validate, YamlMappingNode node, string field)
    {
        try
        {
            var matcher = EnvoyJson.Parse<HeaderMatcher>(ToJson(node)!.ToJsonString());
            if (matcher.Name.Length > 0) return matcher;
            validate.Report(node, $"an entry of '{field}' needs 'name', the header to check");
        }
        catch (EnvoyJsonException e)
        {
            validate.Report(node, $"an entry of '{field}' is not an Envoy HeaderMatcher: {e.InnerException?.Message ?? e.Message}");
        }
        return null;
    }

    /// <summary>YAML → JSON by the core schema: plain true/false and integers keep their type, everything else is a string.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } s when TestFileMapping.IsNull(s) => null,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } when long.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode s => JsonValue.Create(s.Value ?? ""),
        _ => throw new JsonException($"unexpected YAML node {node.NodeType}"),
    };

    private static RouteTargetRef? Target(TestFileMapping map)
    {
        RouteTargetRef? target = null;
        foreach (var kind in Enum.GetValues<RouteTargetKind>())
        {
            var field = new RouteTargetRef(kind, "", default).Field;
            if (map.String(field, minLength: 1) is not { } name) continue;
            if (target is not null)
                map.Report(map.Value(field)!, $"{map.Where} names its route table twice ('{target.Field}' and '{field}'); give one of {string.Join(", ", TargetFields())}");
            else target = new RouteTargetRef(kind, name, map.ValueAt(field));
        }
        return target;
    }

    private static IEnumerable<string> TargetFields() => Enum.GetValues<RouteTargetKind>().Select(k => new RouteTargetRef(k, "", default).Field);
}

using System.Text.Json.Nodes;
using Meshc.SchemaDerive;
using YamlDotNet.RepresentationModel;

namespace Meshc.Compiler.Tests.Tools.SchemaDerive;

/// <summary>The openAPIV3Schema → JSON Schema rules, one at a time.</summary>
public sealed class SchemaConverterTests
{
    private static (JsonObject Schema, ConversionStats Stats) Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var converter = new SchemaConverter();
        return (converter.Convert((YamlMappingNode)stream.Documents[0].RootNode, ""), converter.Stats);
    }

    private static string Json(JsonNode node) => node.ToJsonString();

    [Fact]
    public void Convert_ObjectWithProperties_IsClosedAndDropsDocumentation()
    {
        var (schema, _) = Convert("""
            type: object
            description: a route
            properties:
              weight: {type: integer, default: 1, minimum: 0, format: int32}
            """);
        Assert.Equal("""{"type":"object","properties":{"weight":{"type":"integer","minimum":0}},"additionalProperties":false}""", Json(schema));
    }

    [Fact]
    public void Convert_PreserveUnknownFields_StaysOpen()
    {
        var (schema, _) = Convert("""
            type: object
            x-kubernetes-preserve-unknown-fields: true
            properties:
              name: {type: string}
            """);
        Assert.Null(schema["additionalProperties"]);
    }

    [Fact]
    public void Convert_NullableAndIntOrString_BecomeTypeLists()
    {
        var (schema, _) = Convert("""
            type: object
            properties:
              a: {type: string, nullable: true}
              b: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
            """);
        Assert.Equal("""["string","null"]""", Json(schema["properties"]!["a"]!["type"]!));
        Assert.Equal("""["integer","string"]""", Json(schema["properties"]!["b"]!["type"]!));
    }

    [Fact]
    public void Convert_OpenApiExclusiveBounds_BecomeNumbers()
    {
        var (schema, _) = Convert("{type: number, minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: false}");
        Assert.Equal("""{"type":"number","exclusiveMinimum":0,"maximum":1}""", Json(schema));
    }

    [Fact]
    public void Convert_IntegerEnum_KeepsNumbers()
    {
        var (schema, _) = Convert("{type: integer, enum: [301, 302]}");
        Assert.Equal("""{"type":"integer","enum":[301,302]}""", Json(schema));
    }

    [Fact]
    public void Convert_OneOfBranches_BecomeOpenAnyOf()
    {
        var (schema, _) = Convert("""
            type: object
            properties:
              type: {type: string}
              value: {type: string}
            oneOf:
            - properties: {type: {enum: [IPAddress]}, value: {anyOf: [{format: ipv4}, {format: ipv6}]}}
            - properties: {type: {not: {enum: [IPAddress]}}}
            """);
        Assert.Null(schema["oneOf"]);
        var branch = schema["anyOf"]![0]!;
        Assert.Null(branch["additionalProperties"]);
        Assert.Equal("""[{"format":"ipv4"},{"format":"ipv6"}]""", Json(branch["properties"]!["value"]!["anyOf"]!));
    }

    [Fact]
    public void Convert_CelRulesAndSetLists_AreCountedNotKept()
    {
        var (schema, stats) = Convert("""
            type: array
            x-kubernetes-list-type: set
            items: {type: string}
            x-kubernetes-validations:
            - rule: self.size() > 0
            - rule: self.all(x, x != '')
            """);
        Assert.Equal("""{"type":"array","items":{"type":"string"}}""", Json(schema));
        Assert.Equal(2, stats.CelRules);
        Assert.Equal(1, stats.UniqueLists);
    }

    [Fact]
    public void Convert_UnknownKeyword_StopsTheDerivation()
    {
        var e = Assert.Throws<InvalidDataException>(() => Convert("{type: object, properties: {a: {type: string, uniqueItems: true}}}"));
        Assert.Contains(".a: unsupported keyword 'uniqueItems'", e.Message);
    }
}

using System.Text.Json.Nodes;
using Meshc.Compiler.Schemas;

namespace Meshc.Compiler.Tests.Schemas;

/// <summary>The validator's keyword semantics and how it words and de-duplicates findings.</summary>
public sealed class SchemaValidatorTests
{
    private static List<string> Validate(string schema, string instance) =>
        [.. SchemaValidator.Validate(SchemaLoader.Load(JsonNode.Parse(schema)!.AsObject()), JsonNode.Parse(instance))
            .Select(v => $"{v.Pointer}|{v.Detail}")];

    [Fact]
    public void Validate_WholeNumberWrittenAsDecimal_IsAnInteger() =>
        Assert.Empty(Validate("""{"type":"integer"}""", "3.0"));

    [Fact]
    public void Validate_NullForOptionalField_CountsAsAbsent() =>
        Assert.Empty(Validate("""{"type":"object","properties":{"a":{"type":"string"}}}""", """{"a":null}"""));

    [Fact]
    public void Validate_NullForRequiredField_IsMissing() =>
        Assert.Equal(["|missing required field 'a'"],
            Validate("""{"type":"object","required":["a"],"properties":{"a":{"type":"string"}}}""", """{"a":null}"""));

    [Fact]
    public void Validate_NullableField_AcceptsNull() =>
        Assert.Empty(Validate("""{"type":"object","properties":{"a":{"type":["string","null"],"minLength":1}}}""", """{"a":null}"""));

    [Fact]
    public void Validate_LengthCountsCharactersNotUtf16Units() =>
        Assert.Empty(Validate("""{"type":"string","maxLength":1}""", "\"\\ud83d\\ude00\""));

    [Fact]
    public void Validate_AnyOfWithDeeperFindingInOneBranch_ReportsThatBranchOnly()
    {
        var found = Validate("""
            {"type":"object","anyOf":[
              {"properties":{"kind":{"enum":["A"]},"spec":{"properties":{"port":{"minimum":1}}}}},
              {"properties":{"kind":{"enum":["B"]}}}]}
            """, """{"kind":"A","spec":{"port":0}}""");
        Assert.Equal(["/spec/port|spec.port: 0 is less than the minimum 1"], found);
    }

    [Fact]
    public void Validate_NotKeyword_ReportsTheValue() =>
        Assert.Equal(["|'x' is not allowed here"], Validate("""{"not":{"enum":["x"]}}""", "\"x\""));

    [Fact]
    public void Validate_ConstMismatch_ReportsExpectedValue() =>
        Assert.Equal(["|'Gateway' must be 'HTTPRoute'"], Validate("""{"const":"HTTPRoute"}""", "\"Gateway\""));

    [Fact]
    public void Validate_TooManyItems_ReportsCountAndLimit() =>
        Assert.Equal(["|the list has 3 items; at most 2 allowed"], Validate("""{"type":"array","maxItems":2}""", "[1,2,3]"));

    [Fact]
    public void Validate_ListAndMapPaths_ReadAsWritten() =>
        Assert.Equal(["/a/0/x~1y|a[0]['x/y']: expected a string, got 1"],
            Validate("""{"properties":{"a":{"items":{"additionalProperties":{"type":"string"}}}}}""", """{"a":[{"x/y":1}]}"""));

    [Fact]
    public void Validate_DottedQuadWithLeadingZero_IsNotIpv4() =>
        Assert.Equal(["|'10.0.0.01' is not an IPv4 address"], Validate("""{"format":"ipv4"}""", "\"10.0.0.01\""));

    [Fact]
    public void Load_KeywordOutsideTheSubset_Throws() =>
        Assert.Throws<InvalidDataException>(() => SchemaLoader.Load(JsonNode.Parse("""{"uniqueItems":true}""")!.AsObject()));
}

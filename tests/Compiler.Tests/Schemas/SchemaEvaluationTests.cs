using System.Text.Json.Nodes;
using Meshc.Compiler.Schemas;

namespace Meshc.Compiler.Tests.Schemas;

/// <summary>The schema check's semantics (JsonSchema.Net's, plus API-server null pruning) and how it words and de-duplicates findings.</summary>
public sealed class SchemaEvaluationTests
{
    private static int _schemas;

    private static List<string> Validate(string schema, string instance) =>
        [.. SchemaEvaluation.Validate(Compile(schema), JsonNode.Parse(instance)).Select(v => $"{v.Pointer}|{v.Detail}{(v.Hint is null ? "" : $" ({v.Hint})")}")];

    private static CompiledSchema Compile(string schema) =>
        CompiledSchema.Parse(schema, new Uri($"https://meshc.invalid/tests/{Interlocked.Increment(ref _schemas)}.json"));

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
    public void Validate_TooLong_CountsCharacters() =>
        Assert.Equal(["|'ab\ud83d\ude00' is 3 characters long; at most 2 are allowed"], Validate("""{"type":"string","maxLength":2}""", "\"ab\\ud83d\\ude00\""));

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
    public void Validate_AnyOfFailingByFormatOnly_MergesWhatTheValueCouldBe() =>
        Assert.Equal(["/a|a: 'x' is not an IPv4 address or an IPv6 address"],
            Validate("""{"properties":{"a":{"anyOf":[{"format":"ipv4"},{"format":"ipv6"}]}}}""", """{"a":"x"}"""));

    [Fact]
    public void Validate_AnyOfWithOneBranchHolding_ReportsNothing() =>
        Assert.Empty(Validate("""{"anyOf":[{"type":"string"},{"type":"integer","minimum":5}]}""", "\"x\""));

    [Fact]
    public void Validate_NotKeyword_ReportsTheValue() =>
        Assert.Equal(["|'x' is not allowed here"], Validate("""{"not":{"enum":["x"]}}""", "\"x\""));

    [Fact]
    public void Validate_NotKeywordHolding_ReportsNothingFromInside() =>
        Assert.Empty(Validate("""{"not":{"enum":["x"]}}""", "\"y\""));

    [Fact]
    public void Validate_ConstMismatch_ReportsExpectedValue() =>
        Assert.Equal(["|'Gateway' must be 'HTTPRoute'"], Validate("""{"const":"HTTPRoute"}""", "\"Gateway\""));

    [Fact]
    public void Validate_EnumMisspelt_SuggestsTheNearestValue() =>
        Assert.Equal(["/type|type: 'PathPrefx' is not one of the allowed values: 'Exact', 'PathPrefix' or 'RegularExpression' (did you mean 'PathPrefix'?)"],
            Validate("""{"properties":{"type":{"enum":["Exact","PathPrefix","RegularExpression"]}}}""", """{"type":"PathPrefx"}"""));

    [Fact]
    public void Validate_UnknownField_PointsAtTheKeyWithASuggestion()
    {
        var found = SchemaEvaluation.Validate(
            Compile("""{"properties":{"spec":{"type":"object","additionalProperties":false,"properties":{"sectionName":{"type":"string"}}}}}"""),
            JsonNode.Parse("""{"spec":{"sectionNme":"x"}}"""));
        var v = Assert.Single(found);
        Assert.Equal(("/spec/sectionNme", true, "spec: unknown field 'sectionNme'", "did you mean 'sectionName'?"), (v.Pointer, v.AtKey, v.Detail, v.Hint));
    }

    [Fact]
    public void Validate_WrongType_HidesTheChecksBelowIt() =>
        Assert.Equal(["/a|a: expected a string, got 3"], Validate("""{"properties":{"a":{"type":"string","enum":["x"],"pattern":"^x$"}}}""", """{"a":3}"""));

    [Fact]
    public void Validate_TooManyItems_ReportsCountAndLimit() =>
        Assert.Equal(["|the list has 3 items; at most 2 allowed"], Validate("""{"type":"array","maxItems":2}""", "[1,2,3]"));

    [Fact]
    public void Validate_TooFewItems_ReportsCountAndLimit() =>
        Assert.Equal(["|the list has 1 item; at least 2 are required"], Validate("""{"type":"array","minItems":2}""", "[1]"));

    [Fact]
    public void Validate_ListAndMapPaths_ReadAsWritten() =>
        Assert.Equal(["/a/0/x~1y|a[0]['x/y']: expected a string, got 1"],
            Validate("""{"properties":{"a":{"items":{"additionalProperties":{"type":"string"}}}}}""", """{"a":[{"x/y":1}]}"""));

    [Fact]
    public void Validate_ListOfLists_FindsTheInnerSchema() =>
        Assert.Equal(["/0/1|[0][1]: 0 is less than the minimum 1"], Validate("""{"items":{"items":{"minimum":1}}}""", "[[1,0]]"));

    [Fact]
    public void Validate_PropertyNamedItems_FindsItsSchema() =>
        Assert.Equal(["/items/0|items[0]: 0 is less than the minimum 1"], Validate("""{"properties":{"items":{"items":{"minimum":1}}}}""", """{"items":[0]}"""));

    [Fact]
    public void Validate_DottedQuadWithLeadingZero_IsNotIpv4() =>
        Assert.Equal(["|'10.0.0.01' is not an IPv4 address"], Validate("""{"format":"ipv4"}""", "\"10.0.0.01\""));

    [Fact]
    public void Validate_PatternMismatch_QuotesThePattern() =>
        Assert.Equal(["|'-a' does not match the pattern ^[a-z]+$"], Validate("""{"pattern":"^[a-z]+$"}""", "\"-a\""));

    [Fact]
    public void Validate_PatternThatBacktracksBadly_StillAnswers() =>
        Assert.Equal(["|'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' does not match the pattern ^(a+)+$"],
            Validate("""{"pattern":"^(a+)+$"}""", $"\"{new string('a', 5000)}!\""));

    [Fact]
    public void Build_UnknownKeyword_IsRefused() =>
        Assert.ThrowsAny<Exception>(() => Compile("""{"type":"string","minLenght":1}"""));
}

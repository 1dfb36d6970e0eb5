extern alias JsonSchemaNet;
using System.Text.Json;
using System.Text.Json.Nodes;
using JsonSchemaNet::Json.Schema;
using Meshc.Compiler.Cli;
using Meshc.Compiler.Diagnostics;
using Xunit.Abstractions;

namespace Meshc.Compiler.Tests.Cli.Reports;

/// <summary>
/// <c>meshc check --format sarif</c> on a broken input is a valid SARIF 2.1.0 log (validated against the OASIS schema
/// that GitHub code scanning uses, TestData/sarif), with one rule per catalog code and results that point at the file,
/// line and column and name the object.
/// </summary>
public sealed class SarifReportTests(ITestOutputHelper output)
{
    private static readonly string Broken = Path.Combine(AppContext.BaseDirectory, "TestData", "broken");

    private static (int Code, string Out, string Err) Check(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = MeshcCommand.Run(["check", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Built once: the schema registers its "$id" with the library, which refuses a second schema under it.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(LoadSarifSchema);

    private static JsonSchema SarifSchema() => Schema.Value;

    /// <summary>
    /// The schema as published is draft-04, which JsonSchema.Net does not read; read as draft-07 it means the same: it
    /// uses only keywords whose meaning did not change. Its root "id" only names it (every "$ref" is local), so it is
    /// given as the base URI instead (JsonSchema.Net 8 refuses a draft-07 "$id" at the root of this schema).
    /// </summary>
    private static JsonSchema LoadSarifSchema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif", "sarif-schema-2.1.0.json")))!.AsObject();
        Assert.Equal("http://json-schema.org/draft-04/schema#", (string?)schema["$schema"]);
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        var id = new Uri((string)schema["id"]!);
        schema.Remove("id");
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, id);
    }

    private void AssertValidSarif(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = SarifSchema().Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!result.IsValid)
            foreach (var detail in (result.Details ?? []).Where(d => d.Errors is not null))
                output.WriteLine($"{detail.InstanceLocation}: {string.Join("; ", detail.Errors!.Select(e => $"{e.Key}: {e.Value}"))}");
        Assert.True(result.IsValid, "the SARIF log breaks the SARIF 2.1.0 schema (details in the test output)");
    }

    [Fact]
    public void Sarif_BrokenInput_ValidatesAgainstTheSarif210Schema()
    {
        var (code, sarif, err) = Check("--format", "sarif", "-v", Broken);
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.Empty(err);
        AssertValidSarif(sarif);
    }

    [Fact]
    public void Sarif_SchemaCheck_RefusesABrokenLog()
    {
        // Guards the guard: a result without its message breaks the schema, and the check must say so.
        var log = JsonNode.Parse(Check("--format", "sarif", Broken).Out)!;
        log["runs"]![0]!["results"]![0]!.AsObject().Remove("message");
        using var document = JsonDocument.Parse(log.ToJsonString());
        Assert.False(SarifSchema().Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void Sarif_Rules_OnePerCatalogCodeWithHelp()
    {
        var driver = JsonNode.Parse(Check("--format", "sarif", Broken).Out)!["runs"]![0]!["tool"]!["driver"]!;
        Assert.Equal("meshc", (string?)driver["name"]);
        var rules = driver["rules"]!.AsArray();
        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Code.Value), rules.Select(r => (string?)r!["id"]));
        foreach (var (rule, descriptor) in rules.Zip(DiagnosticCatalog.All))
        {
            Assert.Equal(descriptor.Help, (string?)rule!["help"]!["text"]);
            Assert.Equal(descriptor.MessageTemplate, (string?)rule["shortDescription"]!["text"]);
        }
    }

    [Fact]
    public void Sarif_Results_HavePhysicalAndLogicalLocations()
    {
        var (_, sarif, _) = Check("--format", "sarif", Broken);
        var run = JsonNode.Parse(sarif)!["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var results = run["results"]!.AsArray();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            Assert.Equal((string?)result!["ruleId"], (string?)rules[(int)result["ruleIndex"]!]!["id"]);
            var location = result["locations"]![0]!;
            var artifact = location["physicalLocation"]!["artifactLocation"]!;
            Assert.EndsWith("broken/route%20set.yaml", (string?)artifact["uri"]);
            Assert.True((int)location["physicalLocation"]!["region"]!["startLine"]! > 1);
        }
        var unknownField = results.Single(r => ((string?)r!["message"]!["text"])!.Contains("sectionNme", StringComparison.Ordinal))!;
        Assert.Equal("error", (string?)unknownField["level"]);
        Assert.Equal("MC0102", (string?)unknownField["ruleId"]);
        var logical = unknownField["locations"]![0]!["logicalLocations"]![0]!;
        Assert.Equal(("broken", "HTTPRoute default/broken", "resource"),
            ((string?)logical["name"], (string?)logical["fullyQualifiedName"], (string?)logical["kind"]));
        var duplicate = results.Single(r => (string?)r!["ruleId"] == "MC0106")!;
        Assert.Equal("warning", (string?)duplicate["level"]);
        Assert.Equal("Service default/with space", (string?)duplicate["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]);
    }

    [Fact]
    public void Sarif_SameInput_SameBytes() =>
        Assert.Equal(Check("--format", "sarif", Broken).Out, Check("--format", "sarif", Broken).Out);

    [Fact]
    public void Json_BrokenInput_HasTheDocumentedShape()
    {
        var (code, json, err) = Check("--format", "json", Broken);
        Assert.Equal(ExitCodes.InputErrors, code);
        Assert.Empty(err);
        var report = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(["format", "version", "errors", "warnings", "infos", "diagnostics"], report.Select(p => p.Key));
        Assert.Equal(("meshc-check", 1), ((string?)report["format"], (int)report["version"]!));
        var diagnostics = report["diagnostics"]!.AsArray();
        Assert.Equal((int)report["errors"]!, diagnostics.Count(d => (string?)d!["severity"] == "error"));
        foreach (var d in diagnostics)
            Assert.Equal(["code", "severity", "path", "line", "column", "message", "hint", "object"], d!.AsObject().Select(p => p.Key));
        var unknownField = diagnostics.Single(d => ((string?)d!["message"])!.Contains("sectionNme", StringComparison.Ordinal))!;
        Assert.Equal("did you mean 'sectionName'?", (string?)unknownField["hint"]);
        Assert.Equal(("HTTPRoute", "default", "broken"),
            ((string?)unknownField["object"]!["kind"], (string?)unknownField["object"]!["namespace"], (string?)unknownField["object"]!["name"]));
    }

    [Fact]
    public void Json_CleanInput_NoDiagnosticsExitZero()
    {
        var (code, json, _) = Check("--format", "json", Path.Combine(AppContext.BaseDirectory, "TestData", "bookstore-canary"));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(0, (int)JsonNode.Parse(json)!["errors"]!);
    }
}

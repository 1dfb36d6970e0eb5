using System.Text;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Tests;

namespace Meshc.Compiler.Tests.Diagnostics;

/// <summary>docs/diagnostics.md is generated from the catalog; this test keeps it from drifting (UPDATE_GOLDEN=1 rewrites it).</summary>
public sealed class CatalogDocumentationTests
{
    private static readonly Dictionary<char, string> Ranges = new()
    {
        ['1'] = "MC01xx: input syntax and shape",
        ['2'] = "MC02xx: names and references",
        ['3'] = "MC03xx: rule validity and conflicts",
        ['4'] = "MC04xx: target limits",
        ['5'] = "MC05xx: files and bundles",
        ['9'] = "MC09xx: faults in meshc itself",
    };

    public static string Render()
    {
        var md = new StringBuilder();
        md.AppendLine("# Diagnostics");
        md.AppendLine();
        md.AppendLine("Generated from `src/Compiler/Diagnostics/DiagnosticCatalog.txt` (a test fails when this file is out of date;");
        md.AppendLine("`UPDATE_GOLDEN=1 ./test.sh` rewrites it). Every diagnostic prints as `path:line:col: severity MCxxxx: message`.");
        md.AppendLine("Codes are stable: a code never changes meaning and is never reused. The last column is each code's help text,");
        md.AppendLine("which `meshc check --format sarif` also gives as its rule's help.");
        md.AppendLine();
        md.AppendLine("Every error fails the compilation (exit code 1). Its effect on the bundle is set per code in the catalog:");
        md.AppendLine();
        md.AppendLine("- **blocking**: no bundle is written. The input cannot be read or cannot exist in a cluster (YAML syntax, schema");
        md.AppendLine("  and the CRDs' validation rules, unknown fields, Envoy-type errors and broken references inside a CiliumEnvoyConfig,");
        md.AppendLine("  network policy values, I/O), Envoy would refuse the output, or a target limit is exceeded.");
        md.AppendLine("- **fallback**: the bundle is still written, as Cilium's operator programs what is valid: the route, rule, backend");
        md.AppendLine("  or listener the finding names is left out or answers 500, and the status says why. `meshc compile");
        md.AppendLine("  --no-emit-on-error` writes no bundle for these either.");
        foreach (var group in DiagnosticCatalog.All.GroupBy(d => d.Code.Value[3]))
        {
            md.AppendLine();
            md.AppendLine($"## {Ranges.GetValueOrDefault(group.Key, "MC0" + group.Key + "xx")}");
            md.AppendLine();
            md.AppendLine("| code | severity | bundle | message | help |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var d in group)
                md.AppendLine($"| {d.Code} | {d.Severity.ToString().ToLowerInvariant()} | {Effect(d)} | {Cell(d.MessageTemplate)} | {Cell(d.Help ?? "")} |");
        }
        return md.ToString();
    }

    private static string Effect(DiagnosticDescriptor d) => d.Effect switch
    {
        ErrorEffect.None => "",
        ErrorEffect.Blocking => "blocking",
        ErrorEffect.Fallback => "fallback",
        ErrorEffect.Unclassified => "unclassified",
        _ => throw new ArgumentOutOfRangeException(nameof(d), d.Effect, "an effect the documentation does not describe"),
    };

    private static string Cell(string text) => text.Replace("|", "\\|");

    [Fact]
    public void Catalog_EveryCodeHasHelp()
    {
        var without = DiagnosticCatalog.All.Where(d => string.IsNullOrWhiteSpace(d.Help)).Select(d => d.Code.Value).ToList();
        Assert.True(without.Count == 0, "codes without a 'help:' line in DiagnosticCatalog.txt: " + string.Join(", ", without));
    }

    [Fact]
    public void DiagnosticsDoc_MatchesCatalog()
    {
        var path = Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md");
        var expected = Render();
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path), "docs/diagnostics.md is missing: run UPDATE_GOLDEN=1 ./test.sh");
        Assert.Equal(expected, File.ReadAllText(path));
    }

    [Fact]
    public void Catalog_CodesAreUniqueAndWellFormed()
    {
        Assert.Equal(DiagnosticCatalog.All.Length, DiagnosticCatalog.All.Select(d => d.Code).Distinct().Count());
        Assert.All(DiagnosticCatalog.All, d => Assert.Matches("^MC0[1-9][0-9]{2}$", d.Code.Value));
    }

    /// <summary>Whether an error stops the bundle is decided per code, in the catalog line, never by a rule in code.</summary>
    [Fact]
    public void Catalog_EveryErrorNamesItsEffectOnTheBundle()
    {
        var unclassified = DiagnosticCatalog.All
            .Where(d => d.Severity == Severity.Error && d.Effect is not (ErrorEffect.Blocking or ErrorEffect.Fallback))
            .Select(d => d.Code.Value)
            .ToList();
        Assert.True(unclassified.Count == 0,
            "errors without error/blocking or error/fallback in DiagnosticCatalog.txt: " + string.Join(", ", unclassified));
        Assert.All(DiagnosticCatalog.All.Where(d => d.Severity != Severity.Error), d => Assert.Equal(ErrorEffect.None, d.Effect));
    }

    [Fact]
    public void Catalog_BlockingAndFallbackErrors_DecideWhetherTheBagBlocksTheBundle()
    {
        var at = new Text.SourceLocation("a.yaml", 1, 1);
        var fallback = new DiagnosticBag();
        fallback.ReportBackendNotFound(at, "default/missing");
        Assert.True(fallback.HasErrors);
        Assert.False(fallback.HasBlockingErrors);
        var blocking = new DiagnosticBag();
        blocking.ReportYamlSyntax(at, "unexpected end");
        Assert.True(blocking.HasBlockingErrors);
    }

    [Fact]
    public void GeneratedReport_RendersPlaceholdersInOrder()
    {
        var bag = new DiagnosticBag();
        var d = bag.ReportParentPortNotFound(new Text.SourceLocation("a.yaml", 3, 7), "default/gw", 8080, "did you mean 80?");
        Assert.Equal("a.yaml:3:7: error MC0204: Gateway 'default/gw' has no listener on port 8080 (did you mean 80?)", d.ToString());
    }
}

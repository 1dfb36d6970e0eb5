using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl.Formatting;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.Hardening;

/// <summary>Braces nested past the bound are one diagnostic at the brace that breaks it; the parser never recurses that deep (it overflowed the stack before).</summary>
public sealed class DslNestingTests
{
    private static string Nested(int levels) => string.Concat(Enumerable.Repeat("namespace a {\n", levels));

    [Fact]
    public void DeepNamespaces_AreMC0155_AtTheFirstBracePastTheBound()
    {
        var result = Compilation.Create([new SourceText("deep.dsl", Nested(50_000))]).Check();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.DslNestingTooDeep.Code, error.Code);
        Assert.Equal((TokenScan.MaxBraceDepth + 1, 13), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void Formatter_RefusesTheSameFile()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(DslFormatter.Format(new SourceText("deep.dsl", Nested(50_000)), diagnostics));
        Assert.Equal(DiagnosticCatalog.DslNestingTooDeep.Code, Assert.Single(diagnostics.ToImmutableSorted()).Code);
    }

    [Fact]
    public void NestingWithinTheBound_IsParsedAsUsual()
    {
        // Nested namespaces are a reading error (MC0175), not a limit: the file is parsed.
        var text = Nested(3) + "}\n}\n}\n";
        var result = Compilation.Create([new SourceText("ok.dsl", text)]).Check();
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCatalog.DslNestingTooDeep.Code);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCatalog.DslNestedNamespace.Code);
    }
}

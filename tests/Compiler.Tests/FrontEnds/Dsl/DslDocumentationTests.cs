using System.Text.RegularExpressions;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds.Dsl.Formatting;
using Meshc.Compiler.FrontEnds.Dsl.Syntax;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>
/// docs/dsl.md cannot drift: its examples compile (together, as one program) without errors and are in canonical
/// layout, its error example reports errors, and every keyword of the grammar appears in it.
/// </summary>
public sealed partial class DslDocumentationTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "dsl.md"));

    [GeneratedRegex(@"```(mesh|mesh-error)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();

    private static List<(string Kind, SourceText Source)> Examples() => Block().Matches(Doc)
        .Select((m, i) => (m.Groups[1].Value, new SourceText($"dsl.md#{i + 1}.dsl", m.Groups[2].Value)))
        .ToList();

    [Fact]
    public void Examples_CompileTogether_WithoutErrors()
    {
        var sources = Examples().Where(e => e.Kind == "mesh").Select(e => e.Source).ToList();
        var result = DslTesting.Check([.. sources]);

        Assert.True(sources.Count >= 8);
        Assert.False(result.HasErrors, DslTesting.Printed(result));
    }

    [Fact]
    public void Examples_AreInCanonicalLayout()
    {
        foreach (var (_, source) in Examples().Where(e => e.Kind == "mesh"))
            Assert.Equal(source.Text, DslFormatter.Format(source, new DiagnosticBag()));
    }

    [Fact]
    public void ErrorExample_ReportsTheErrorsShownBelowIt()
    {
        var (_, source) = Assert.Single(Examples(), e => e.Kind == "mesh-error");
        var printed = DslTesting.Check(source.Text, "input.dsl").Diagnostics
            .Where(d => d.Severity == Meshc.Compiler.Diagnostics.Severity.Error).Select(d => d.ToString()).ToList();

        Assert.Equal(3, printed.Count);
        Assert.All(printed, line => Assert.Contains(line, Doc));
    }

    [Fact]
    public void Doc_MentionsEveryKeywordOfTheGrammar()
    {
        var missing = ExpectedWords.Keywords.Select(ExpectedWords.KeywordText)
            .Where(k => !Regex.IsMatch(Doc, $@"(?<![\w-]){Regex.Escape(k)}(?![\w-])"))
            .ToList();
        Assert.True(missing.Count == 0, "docs/dsl.md never mentions: " + string.Join(", ", missing));
    }
}

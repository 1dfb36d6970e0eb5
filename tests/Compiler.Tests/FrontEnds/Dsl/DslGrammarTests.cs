using System.Text.RegularExpressions;

namespace Meshc.Compiler.Tests.FrontEnds.Dsl;

/// <summary>The grammar keeps its own rules: every rule with several alternatives labels each one (one reader case per form).</summary>
public sealed partial class DslGrammarTests
{
    [GeneratedRegex(@"\n(\w+)\s*\n\s*:(.*?)\n\s*;", RegexOptions.Singleline)]
    private static partial Regex Rule();

    [Fact]
    public void Parser_EveryAlternativeOfAChoice_IsLabelled()
    {
        var text = Regex.Replace(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "grammar", "MeshParser.g4")), "//[^\n]*", "");
        var unlabelled = new List<string>();
        foreach (Match rule in Rule().Matches(text))
        {
            var alternatives = TopLevelAlternatives(rule.Groups[2].Value);
            if (alternatives.Count > 1)
                unlabelled.AddRange(alternatives.Where(a => !a.Contains('#')).Select(a => $"{rule.Groups[1].Value}: {a.Trim()}"));
        }
        Assert.True(Rule().Count(text) > 40);
        Assert.True(unlabelled.Count == 0, "unlabelled alternatives:\n" + string.Join("\n", unlabelled));
    }

    private static List<string> TopLevelAlternatives(string body)
    {
        var alternatives = new List<string> { "" };
        var depth = 0;
        foreach (var c in body)
        {
            depth += c switch { '(' => 1, ')' => -1, _ => 0 };
            if (c == '|' && depth == 0) alternatives.Add("");
            else alternatives[^1] += c;
        }
        return alternatives;
    }
}

using System.Text.RegularExpressions;

namespace Meshc.Runtime.Tests.Documentation;

/// <summary>The fenced blocks of one markdown file, with the docs-test directive (if any) on the line above each.</summary>
internal static partial class DocFile
{
    public static IReadOnlyList<DocBlock> Blocks(string root, string relative)
    {
        var lines = File.ReadAllLines(Path.Combine(root, relative));
        var blocks = new List<DocBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success) continue;
            var end = i + 1;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal)) end++;
            var directive = i > 0 ? Directive().Match(lines[i - 1]) : Match.Empty;
            blocks.Add(new DocBlock(relative, i + 1, fence.Groups[1].Value,
                directive.Success ? directive.Groups[1].Value : null,
                directive.Success ? directive.Groups[2].Value.Trim() : null,
                lines[(i + 1)..end]));
            i = end;
        }
        return blocks;
    }

    [GeneratedRegex(@"^\s*```\s*([A-Za-z0-9_-]*)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*docs-test:\s*([a-z]+)\s*(.*?)\s*-->\s*$")]
    private static partial Regex Directive();
}

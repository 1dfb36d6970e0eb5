namespace Meshc.Runtime.Tests.Documentation;

/// <summary>
/// A fenced block of a markdown file with what the test should do with it, from the HTML comment right above it:
/// <c>&lt;!-- docs-test: skip REASON --&gt;</c> (not run, and why), <c>&lt;!-- docs-test: file NAME --&gt;</c> (its text
/// is written to NAME for the commands after it), <c>&lt;!-- docs-test: loose REASON --&gt;</c> (its output holds
/// numbers that vary from run to run: ports, ids, random splits; they are compared as "some number").
/// </summary>
internal sealed record DocBlock(string File, int Line, string Language, string? Directive, string? Argument, IReadOnlyList<string> Lines)
{
    /// <summary>Where the block starts, as <c>README.md:63</c>.</summary>
    public string Where => $"{File}:{Line}";

    /// <summary>A transcript (<c>$ command</c> lines, each followed by its output) or a script (every line a command).</summary>
    public bool IsTranscript => Lines.Any(l => l.StartsWith("$ ", StringComparison.Ordinal));

    /// <summary>Whether the block holds commands: a shell block (sh, bash, shell, console), a transcript, or a line that runs <c>./meshc</c>.</summary>
    public bool HasCommands => Language is "sh" or "bash" or "shell" or "console" || IsTranscript ||
                               Lines.Any(l => l.TrimStart().StartsWith("./meshc ", StringComparison.Ordinal));

    /// <summary>The commands, each with the output the block shows for it (none for a script).</summary>
    public IReadOnlyList<DocCommand> Commands()
    {
        var commands = new List<DocCommand>();
        if (!IsTranscript)
        {
            foreach (var line in Lines.Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
                commands.Add(new DocCommand(line.Trim(), null));
            return commands;
        }
        List<string>? output = null;
        string? command = null;
        foreach (var line in Lines)
        {
            if (line.StartsWith("$ ", StringComparison.Ordinal))
            {
                if (command is not null) commands.Add(new DocCommand(command, output!));
                command = line[2..].Trim();
                output = [];
            }
            else
            {
                output?.Add(line);
            }
        }
        if (command is not null) commands.Add(new DocCommand(command, output!));
        return commands;
    }
}

/// <summary>One command of a block; <see cref="Output"/> is null when the block shows none.</summary>
internal sealed record DocCommand(string Text, IReadOnlyList<string>? Output)
{
    /// <summary>The exit code the command must end with: 0, or what a trailing comment starting <c># exit N</c> says.</summary>
    public int ExpectedExit =>
        System.Text.RegularExpressions.Regex.Match(Text, @"\s#\s*exit (\d+)\b") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
}

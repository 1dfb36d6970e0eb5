using Meshc.Runtime.Tests.Support;
using Xunit.Abstractions;

namespace Meshc.Runtime.Tests.Documentation;

/// <summary>
/// Docs that run: every command in README.md and docs/*.md is executed as written, against the bundled examples, and
/// must end with the exit code the document implies (0, or a trailing <c># exit N</c>) and print the output it shows.
/// A block with commands that cannot run here says so, and why, in a <c>&lt;!-- docs-test: skip REASON --&gt;</c>
/// comment right above it (see <see cref="DocBlock"/> for the other directives).
/// </summary>
public sealed class DocumentationCommandTests(ITestOutputHelper output)
{
    public static TheoryData<string> Documents => new(
        ["README.md", .. Directory.GetFiles(Path.Combine(RuntimeHarness.RepoRoot, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)]);

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Document_EveryCommand_RunsAsShown(string document)
    {
        await using var shell = new DocShell(RuntimeHarness.RepoRoot);
        var ran = 0;
        foreach (var block in DocFile.Blocks(RuntimeHarness.RepoRoot, document))
        {
            switch (block.Directive)
            {
                case "skip":
                    Assert.False(string.IsNullOrWhiteSpace(block.Argument), $"{block.Where}: 'docs-test: skip' needs the reason");
                    Assert.True(block.HasCommands, $"{block.Where}: 'docs-test: skip' on a block without commands");
                    output.WriteLine($"{block.Where}: not run: {block.Argument}");
                    continue;
                case "file":
                    Assert.False(string.IsNullOrWhiteSpace(block.Argument), $"{block.Where}: 'docs-test: file' needs a file name");
                    shell.WriteFile(block.Argument!, block.Lines);
                    continue;
                case null or "loose":
                    break;
                default:
                    Assert.Fail($"{block.Where}: unknown directive 'docs-test: {block.Directive}' (skip, file, loose)");
                    break;
            }
            if (!block.HasCommands) continue;
            // A server started in one block serves the blocks after it, as in a reader's terminal, until the document ends.
            foreach (var command in block.Commands())
            {
                await Run(shell, block, command);
                ran++;
            }
        }
        output.WriteLine($"{document}: {ran} commands ran");
    }

    private async Task Run(DocShell shell, DocBlock block, DocCommand command)
    {
        var text = shell.Shift(command.Text);
        var parts = text.Split(" && ");
        var serves = parts[^1].TrimStart().StartsWith("./meshc run ", StringComparison.Ordinal);
        if (serves)
        {
            Assert.True(parts[^1].Contains("--admin-port", StringComparison.Ordinal),
                $"{block.Where}: `{command.Text}`: a `meshc run` in the docs needs --admin-port, which tells the test it serves");
            if (parts.Length > 1)
            {
                var (exit, printed) = await shell.Run(string.Join(" && ", parts[..^1]));
                Assert.True(exit == 0, $"{block.Where}: `{command.Text}` exited {exit} before serving:\n{printed}");
            }
            var started = await shell.Serve(parts[^1]);
            output.WriteLine($"$ {text}\n{started}");
            if (command.Output is { } shownStart)
                Assert.True(DocOutput.Matches(shownStart, started, block.Directive == "loose"),
                    $"{block.Where}: `{command.Text}` printed\n{started}\nbut the document shows\n{string.Join("\n", shownStart)}");
            return;
        }
        var (code, result) = await shell.Run(text);
        output.WriteLine($"$ {text}   → exit {code}\n{result}");
        Assert.True(code == command.ExpectedExit,
            $"{block.Where}: `{command.Text}` exited {code}, expected {command.ExpectedExit}; it printed:\n{result}");
        if (command.Output is { } shown)
            Assert.True(DocOutput.Matches(shown, result, block.Directive == "loose"),
                $"{block.Where}: `{command.Text}` printed\n{result}\nbut the document shows\n{string.Join("\n", shown)}");
    }

    [Fact]
    public void Serve_TrailingAmpersandAndComment_RunInTheForeground()
    {
        Assert.Equal("./meshc run out/ --admin-port 9901", DocShell.Foreground("./meshc run out/ --admin-port 9901 &      # serve it (inputs work too)"));
        Assert.Equal("./meshc run out/ --admin-port 9901", DocShell.Foreground("./meshc run out/ --admin-port 9901 &"));
        Assert.Equal("./meshc run 'a #b' --admin-port 1", DocShell.Foreground("./meshc run 'a #b' --admin-port 1"));
    }

    [Fact]
    public void Output_LooseAndEllipsis_MatchWhatVaries()
    {
        Assert.True(DocOutput.Matches(["bundle 3d0324580bc3", "…", "     90 echo-1", "     10 echo-2"], "bundle 0a1b2c3d4e5f\nx\ny\n    171 echo-1\n      9 echo-2\n", loose: true));
        Assert.False(DocOutput.Matches(["bundle 3d0324580bc3"], "bundle 0a1b2c3d4e5f\n", loose: false));
        Assert.False(DocOutput.Matches(["404"], "503\n", loose: false));
        Assert.False(DocOutput.Matches(["a", "b"], "a\n", loose: true));
        Assert.True(DocOutput.Matches(["wrote bundle … to out/ (… files)"], "wrote bundle 3d0324580bc3 to out/ (12 files)\n", loose: false));
    }

    [Fact]
    public void Blocks_TranscriptAndScript_GiveCommandsAndExitCodes()
    {
        var transcript = new DocBlock("x.md", 1, "console", null, null, ["$ ./meshc check a.dsl   # exit 1", "a.dsl:1:1: error", "$ echo hi", "hi"]);
        Assert.Equal([("./meshc check a.dsl   # exit 1", 1, 1), ("echo hi", 0, 1)],
            transcript.Commands().Select(c => (c.Text, c.ExpectedExit, c.Output!.Count)));
        var script = new DocBlock("x.md", 1, "sh", null, null, ["# a comment", "./meshc fmt --check examples   # exit 0 when formatted", ""]);
        Assert.Equal(["./meshc fmt --check examples   # exit 0 when formatted"], script.Commands().Select(c => c.Text));
    }
}

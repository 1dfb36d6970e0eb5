using System.CommandLine;
using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.FrontEnds;
using Meshc.Compiler.FrontEnds.Dsl.Formatting;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Cli;

/// <summary>
/// <c>meshc fmt [--check | --write] &lt;files or folders&gt;</c>: prints each DSL file in canonical form, rewrites it
/// in place (<c>--write</c>), or only lists the files that are not formatted and exits 1 (<c>--check</c>).
/// A file with syntax errors is reported and left alone (exit 1). Inputs holding no DSL file are a usage error (exit 2).
/// </summary>
public static class FmtCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs") { Arity = ArgumentArity.OneOrMore, Description = "DSL files or folders" }.RejectingOptions();
        var check = new Option<bool>("--check") { Description = "list unformatted files and exit 1 if there are any; change nothing" };
        var write = new Option<bool>("--write", "-w") { Description = "rewrite the files in place instead of printing them" };
        var fmt = new Command("fmt", "print DSL files in canonical form") { inputs, check, write };
        fmt.SetAction(r => Run(r.GetValue(inputs)!, r.GetValue(check), r.GetValue(write), stdout, stderr));
        return fmt;
    }

    private static int Run(string[] inputs, bool check, bool write, TextWriter stdout, TextWriter stderr)
    {
        var loadDiagnostics = new DiagnosticBag();
        var sources = SourceLoader.Load(inputs, loadDiagnostics).Where(s => s.Kind == SourceKind.Dsl).ToList();
        if (loadDiagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(loadDiagnostics.ToImmutableSorted(), stderr, verbose: false);
            return ExitCodes.UsageOrIo;
        }
        if (sources.Count == 0)
        {
            stderr.WriteLine($"meshc fmt: no .dsl files in {string.Join(", ", inputs.Select(i => $"'{i}'"))}; fmt formats mesh DSL files and leaves YAML alone");
            return ExitCodes.UsageOrIo;
        }
        var diagnostics = new DiagnosticBag();
        var unformatted = 0;
        foreach (var source in sources)
        {
            if (DslFormatter.Format(source, diagnostics) is not { } formatted) continue;
            if (check)
            {
                if (formatted != source.Text) { stdout.WriteLine(source.Path); unformatted++; }
            }
            else if (write)
            {
                if (formatted != source.Text && !TryWrite(source.Path, formatted, stderr)) return ExitCodes.UsageOrIo;
            }
            else
            {
                stdout.Write(formatted);
            }
        }
        DiagnosticPrinter.Print(diagnostics.ToImmutableSorted(), stderr, verbose: false);
        return diagnostics.HasErrors || unformatted > 0 ? ExitCodes.InputErrors : ExitCodes.Ok;
    }

    private static bool TryWrite(string path, string text, TextWriter stderr)
    {
        try
        {
            File.WriteAllText(path, text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{path}: error MC0504: output '{path}' cannot be written: {e.Message}");
            return false;
        }
    }
}

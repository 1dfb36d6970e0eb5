using Meshc.Compiler.Diagnostics;
using Meshc.Compiler.Text;

namespace Meshc.Compiler.Cli;

/// <summary>
/// The last line of defence of both command lines (the compiler's and the runtime's): an exception that escapes a
/// command becomes one MC0902 line naming the file, and exit code 2, never a stack trace.
/// </summary>
public static class LastResort
{
    /// <summary>Runs <paramref name="command"/>; a fault it throws is reported on <paramref name="stderr"/>.</summary>
    public static int Run(Func<int> command, IReadOnlyList<string> args, TextWriter stderr)
    {
        // A fault on another thread ends the process whatever is done here; this makes that end one line and exit 2 too.
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception fault) stderr.WriteLine(Line(fault, args));
            stderr.Flush();
            Environment.Exit(ExitCodes.UsageOrIo);
        };
        try
        {
            return command();
        }
        catch (Exception fault)
        {
            stderr.WriteLine(Line(fault, args));
            return ExitCodes.UsageOrIo;
        }
    }

    /// <summary>The one line: <c>path: error MC0902: internal error while reading: InvalidCastException: …</c>.</summary>
    public static string Line(Exception fault, IReadOnlyList<string> args)
    {
        var (path, phase, cause) = fault is InternalFailureException f
            ? (f.Path, f.Phase, f.InnerException ?? f)
            : (Inputs(args), "running the command", fault);
        var detail = $"{cause.GetType().Name}: {OneLine(cause.Message)}";
        var report = new DiagnosticBag();
        report.ReportInternalFailure(new SourceLocation(path, 0, 0), phase, detail);
        return report.ToImmutableSorted()[0].ToString();
    }

    private static string Inputs(IReadOnlyList<string> args)
    {
        var named = args.Where(a => !a.StartsWith('-')).Skip(1).ToList();
        return named.Count == 0 ? "meshc" : string.Join(", ", named);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
